using System.Text;
using CsCheck;
using Meter.Obis;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>Round trips that must hold for every value, checked with CsCheck.</summary>
public class PropertyTests
{
    [Fact]
    public void Every_obis_code_survives_writing_and_parsing_its_address()
    {
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte).Sample(t =>
        {
            var code = new ObisCode(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6);
            var text = code.ToString();
            Assert.True(text.Length <= 23, text);
            Assert.Equal(code, ObisCode.Parse(text));
        }, iter: 20_000);
    }

    [Fact]
    public void A_shown_energy_written_back_stores_the_same_watt_hours()
    {
        // What a readout shows ("001234.567*kWh") is accepted by W1 as the same value: the
        // display format loses nothing for Wh registers shown in kWh with 3 decimals.
        Gen.Long[0, 999_999_999_999].Sample(wh =>
        {
            var meter = new SampleMeter();
            meter.Store.SetInteger(StandardObjects.ActiveExport, wh);
            var buffer = new byte[ObisObject.MaxValueLength];
            var register = meter.Table.Find(StandardObjects.ActiveExport)!;
            int n = register.WriteValue(StandardObjects.ActiveExport, buffer, 0, buffer.Length);
            var shown = Encoding.ASCII.GetString(buffer, 1, n - 2); // inside the parentheses
            meter.Store.SetInteger(StandardObjects.ActiveExport, -1);
            var bytes = Encoding.ASCII.GetBytes(shown);
            Assert.Equal(ObisWriteResult.Accepted,
                meter.Table.Write(StandardObjects.ActiveExport, bytes, 0, bytes.Length, 1, sealOpen: true));
            Assert.True(meter.Store.TryReadInteger(StandardObjects.ActiveExport, out long back));
            Assert.Equal(wh, back);
        }, iter: 5_000);
    }

    [Fact]
    public void Shown_register_values_are_truncated_toward_zero()
    {
        // Current in mA shown in A with 2 decimals: shown hundredths = floor(mA / 10).
        Gen.Long[0, 999_999].Sample(mA =>
        {
            var meter = new SampleMeter();
            meter.Store.SetInteger(StandardObjects.CurrentL2, mA);
            var buffer = new byte[ObisObject.MaxValueLength];
            int n = meter.Table.Find(StandardObjects.CurrentL2)!.WriteValue(StandardObjects.CurrentL2, buffer, 0, buffer.Length);
            var text = Encoding.ASCII.GetString(buffer, 0, n);
            long hundredths = mA / 10;
            Assert.Equal($"({hundredths / 100:000}.{hundredths % 100:00}*A)", text);
        }, iter: 5_000);
    }

    [Fact]
    public void Valid_dates_round_trip_and_impossible_ones_are_refused()
    {
        Gen.Select(Gen.Int[2000, 2099], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 24], Gen.Int[0, 60], Gen.Int[0, 60]).Sample(t =>
        {
            var (y, mo, d, h, mi, s) = t;
            var text = Encoding.ASCII.GetBytes($"{y % 100:00}-{mo:00}-{d:00} {h:00}:{mi:00}:{s:00}");
            bool real = mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && s < 60;
            Assert.Equal(real, ObisDateTime.TryParse(text, 0, text.Length, out var parsed));
            if (real)
            {
                var again = new byte[17];
                parsed.Write(again, 0, true);
                Assert.Equal(text, again);
            }
        }, iter: 20_000);
    }
}
