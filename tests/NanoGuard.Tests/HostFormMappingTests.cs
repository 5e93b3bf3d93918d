namespace Meter.NanoGuard.Tests;

/// <summary>
/// The device HAL (hal/Meter.Hal.Device) is compiled on the host against .NET IoT, whose
/// System.Device.* members sometimes differ from nanoFramework's for the same source: passing
/// byte arrays to SpiDevice.TransferFullDuplex binds to the (ReadOnlySpan&lt;byte&gt;, Span&lt;byte&gt;)
/// overload here and to (SpanByte, SpanByte) on the device. tools/nano-api.txt maps exactly those
/// host forms to their device forms ("HostForm => DeviceForm"); these tests prove that a mapped
/// reference passes and that everything else about Span still fails.
/// </summary>
public class HostFormMappingTests
{
    private static readonly HashSet<string> Own = new() { SnippetCompiler.AssemblyName };

    private static IReadOnlyList<Violation> Check(string source, AllowList? list = null) =>
        MetadataGuard.Check(SnippetCompiler.Compile(source), Own, list ?? RepoFiles.AllowList);

    private const string SpiUsings = "using System.Device.Spi; ";

    [Fact]
    public void Spi_full_duplex_transfer_of_byte_arrays_is_checked_as_the_SpanByte_overload_and_passes()
    {
        var v = Check(SpiUsings + "public class C { public void Run(SpiDevice d, byte[] w, byte[] r) { d.TransferFullDuplex(w, r); } }");
        Assert.True(v.Count == 0, "expected the mapped host form to pass; got:\n" + string.Join("\n", v));
    }

    [Fact]
    public void The_real_allow_list_maps_the_spi_host_form_to_a_listed_device_form()
    {
        const string host = "System.Device.Spi.SpiDevice::TransferFullDuplex(System.ReadOnlySpan`1<System.Byte>,System.Span`1<System.Byte>)";
        Assert.True(RepoFiles.AllowList.TryGetDeviceForm(host, out var device));
        Assert.Equal("System.Device.Spi.SpiDevice::TransferFullDuplex(System.SpanByte,System.SpanByte)", device);
        Assert.Contains(device, RepoFiles.AllowList.Members);
    }

    [Fact]
    public void Explicit_span_use_next_to_a_mapped_call_still_fails()
    {
        // The Span<byte> local and its constructor are not a mapped reference: both are caught,
        // though the call they feed has a mapped host form.
        var v = Check(SpiUsings + "public class C { public void Run(SpiDevice d, byte[] w, byte[] r) { System.Span<byte> s = new System.Span<byte>(r); d.TransferFullDuplex(w, s); } }");
        Assert.Contains(v, x => x.Where == "C::Run" && x.Rule == ViolationRule.GenericInstantiation && x.What.Contains("System.Span`1<System.Byte>", StringComparison.Ordinal));
    }

    [Fact]
    public void Unmapped_span_overload_of_the_same_type_still_fails()
    {
        // SpiDevice.Write(byte[]) binds to Write(ReadOnlySpan<byte>) on .NET IoT; only
        // TransferFullDuplex is mapped, so this is reported, generic and member alike.
        var v = Check(SpiUsings + "public class C { public void Run(SpiDevice d, byte[] w) { d.Write(w); } }");
        Assert.Contains(v, x => x.Where == "C::Run" && x.Rule == ViolationRule.MemberNotAllowed &&
                                x.What == "System.Device.Spi.SpiDevice::Write(System.ReadOnlySpan`1<System.Byte>)");
        Assert.Contains(v, x => x.Where == "C::Run" && x.Rule == ViolationRule.GenericInstantiation &&
                                x.What == "System.ReadOnlySpan`1<System.Byte>");
    }

    [Fact]
    public void Span_of_another_element_type_is_not_mapped()
    {
        // Only ReadOnlySpan<byte>/Span<byte> from byte[] are mapped; Span<int> from int[] is not.
        var v = Check("public class C { public int Run(int[] a) { System.Span<int> s = a; return s.Length; } }");
        Assert.Contains(v, x => x.Where == "C::Run" && x.Rule == ViolationRule.GenericInstantiation && x.What.Contains("System.Span`1<System.Int32>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapping_checks_its_device_form_against_the_list()
    {
        // Same snippet, an allow-list whose SPI mapping leads to a device form that is listed but
        // whose byte[] conversions are not mapped: the conversions are caught.
        var text = File.ReadAllText(RepoFiles.AllowListPath)
            .Replace("System.ReadOnlySpan`1<System.Byte>::op_Implicit(!0[]) => System.SpanByte::op_Implicit(System.Byte[])", "", StringComparison.Ordinal);
        var list = AllowList.Parse(text, "test");
        var v = Check(SpiUsings + "public class C { public void Run(SpiDevice d, byte[] w, byte[] r) { d.TransferFullDuplex(w, r); } }", list);
        Assert.Contains(v, x => x.Where == "C::Run" && x.Rule == ViolationRule.GenericInstantiation && x.What == "System.ReadOnlySpan`1<System.Byte>");
        Assert.DoesNotContain(v, x => x.What.Contains("TransferFullDuplex", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("System.Foo::Bar(System.Span`1<System.Byte>) => System.Foo::Bar(System.SpanByte)", "is not listed as an allowed member")]
    [InlineData("System.Foo::Bar(System.Span`1<System.Byte>) => System.Foo::Bar(System.Span`1<System.Byte>)", "cannot be generic")]
    [InlineData("System.Foo::Bar(System.Byte[]) => ", "must be one member")]
    [InlineData("System.Foo => System.Bar", "must be a member")]
    [InlineData("System.Foo::Bar(System.Byte[]) => System.Foo::Baz(System.Byte[]) => System.Foo::Qux()", "a mapping is")]
    public void Malformed_or_dangling_mappings_are_rejected_naming_the_line(string line, string message)
    {
        var e = Assert.Throws<FormatException>(() => AllowList.Parse("System.Foo\n" + line + "\n", "t.txt"));
        Assert.Contains("t.txt:2", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_form_mapped_twice_is_rejected()
    {
        const string text = "System.Foo::Bar(System.SpanByte)\nSystem.Foo::Baz(System.SpanByte)\n" +
                            "System.Foo::Bar(System.Span`1<System.Byte>) => System.Foo::Bar(System.SpanByte)\n" +
                            "System.Foo::Bar(System.Span`1<System.Byte>) => System.Foo::Baz(System.SpanByte)\n";
        var e = Assert.Throws<FormatException>(() => AllowList.Parse(text, "t.txt"));
        Assert.Contains("t.txt:4", e.Message, StringComparison.Ordinal);
        Assert.Contains("mapped twice", e.Message, StringComparison.Ordinal);
    }
}
