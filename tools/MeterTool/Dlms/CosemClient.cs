namespace Meter.Tool.Dlms;

/// <summary>
/// The client side of the COSEM application layer (Green Book xDLMS, LN referencing): association (AARQ/AARE),
/// GET normal / with-list / next data block, SET normal, ACTION normal, release (RLRQ). Answers are A-XDR Data;
/// refusals become <see cref="DlmsException"/>s with the Data-Access-Result in words.
/// </summary>
public sealed class CosemClient : IDisposable
{
    // APDU tags (Green Book, xDLMS APDUs).
    private const byte GetRequest = 0xC0, SetRequest = 0xC1, ActionRequest = 0xC3;
    private const byte GetResponse = 0xC4, SetResponse = 0xC5, ActionResponse = 0xC7, ExceptionResponse = 0xD8;
    private const byte InvokeIdAndPriority = 0xC1; // invoke id 1, confirmed, high priority

    private readonly IApduLink _link;
    private bool _associated;

    /// <summary>A client over <paramref name="link"/>.</summary>
    public CosemClient(IApduLink link) => _link = link;

    /// <summary>Our client-max-receive-pdu-size.</summary>
    public int MaxReceivePdu { get; init; } = 1024;

    /// <summary>The server's max receive PDU from the AARE.</summary>
    public int ServerMaxPdu { get; private set; }

    /// <summary>The negotiated conformance block.</summary>
    public int Conformance { get; private set; }

    /// <summary>
    /// Called while a long answer arrives in blocks: bytes so far, blocks so far, and the expected total when the
    /// first block allows an estimate (an array: its element count × the first element's length), or null.
    /// </summary>
    public Action<int, int, int?>? Progress { get; set; }

    /// <summary>AARQ → AARE; a rejection is a <see cref="DlmsException"/> with the reason (e.g. wrong password).</summary>
    public void Associate(string? password)
    {
        var response = Association.ReadResponse(_link.Exchange(Association.Request(password, MaxReceivePdu)));
        if (!response.Accepted) throw new DlmsException($"association refused: {response.Reason}");
        ServerMaxPdu = response.ServerMaxPdu;
        Conformance = response.NegotiatedConformance;
        _associated = true;
    }

    /// <summary>GET of one attribute (with an optional access selection: selector and its parameters), blocks joined.</summary>
    public AxdrValue Get(CosemAttribute attribute, int selector = 0, byte[]? parameters = null)
    {
        byte[] selection = selector == 0 ? [0x00] : [0x01, (byte)selector, .. parameters ?? []];
        byte[] answer = _link.Exchange([GetRequest, 0x01, InvokeIdAndPriority, .. attribute.Encode(), .. selection]);
        var reader = Answer(answer, GetResponse, attribute.ToString());
        int choice = reader.Byte();
        reader.Byte(); // invoke id
        if (choice == 0x01) return DataResult(reader, attribute.ToString());
        if (choice == 0x02) return new AxdrDecoder(Blocks(reader, attribute.ToString())).Read();
        throw new DlmsException($"GET {attribute}: unexpected Get-Response choice {choice}");
    }

    /// <summary>GET of several attributes in one request (Get-Request-With-List); each result is a value or the refusal in words.</summary>
    public IReadOnlyList<(AxdrValue? Value, string? Error)> GetWithList(IReadOnlyList<CosemAttribute> attributes)
    {
        var request = new AxdrEncoder().Byte(GetRequest).Byte(0x03).Byte(InvokeIdAndPriority).Length(attributes.Count);
        foreach (var a in attributes) request.Raw(a.Encode()).Byte(0x00);
        byte[] answer = _link.Exchange(request.ToArray());
        var reader = Answer(answer, GetResponse, "GET with list");
        int choice = reader.Byte();
        reader.Byte();
        AxdrDecoder list = choice switch
        {
            0x03 => reader,
            0x02 => new AxdrDecoder(Blocks(reader, "GET with list")),
            _ => throw new DlmsException($"GET with list: unexpected Get-Response choice {choice}"),
        };
        int count = list.Length();
        if (count != attributes.Count) throw new DlmsException($"GET with list: {attributes.Count} asked, {count} answered");
        var results = new List<(AxdrValue?, string?)>(count);
        for (int i = 0; i < count; i++)
        {
            if (list.Byte() == 0x00) results.Add((list.Read(), null));
            else results.Add((null, DataAccessResults.Describe(list.Byte())));
        }
        return results;
    }

    /// <summary>SET of one attribute to an encoded Data value.</summary>
    public void Set(CosemAttribute attribute, byte[] data)
    {
        if (ServerMaxPdu > 0 && data.Length + 16 > ServerMaxPdu)
            throw new DlmsException($"SET {attribute}: {data.Length} bytes exceed the meter's PDU size {ServerMaxPdu} (SET in blocks is not implemented in this client)");
        byte[] answer = _link.Exchange([SetRequest, 0x01, InvokeIdAndPriority, .. attribute.Encode(), 0x00, .. data]);
        var reader = Answer(answer, SetResponse, "SET " + attribute);
        if (reader.Byte() != 0x01) throw new DlmsException($"SET {attribute}: unexpected Set-Response choice");
        reader.Byte();
        int result = reader.Byte();
        if (result != 0) throw new DlmsException($"SET {attribute}: {DataAccessResults.Describe(result)}");
    }

    /// <summary>ACTION of a method with optional parameters; the return parameters or null.</summary>
    public AxdrValue? Action(CosemAttribute method, byte[]? parameters)
    {
        byte[] request = parameters == null
            ? [ActionRequest, 0x01, InvokeIdAndPriority, .. method.Encode(), 0x00]
            : [ActionRequest, 0x01, InvokeIdAndPriority, .. method.Encode(), 0x01, .. parameters];
        var reader = Answer(_link.Exchange(request), ActionResponse, "ACTION " + method);
        if (reader.Byte() != 0x01) throw new DlmsException($"ACTION {method}: unexpected Action-Response choice");
        reader.Byte();
        int result = reader.Byte();
        if (result != 0) throw new DlmsException($"ACTION {method}: {DataAccessResults.Describe(result)}");
        if (reader.Remaining == 0 || reader.Byte() == 0x00) return null; // no return parameters
        return DataResult(reader, "ACTION " + method);
    }

    /// <summary>RLRQ (release request, reason normal); the answer is not required.</summary>
    public void Release()
    {
        if (!_associated) return;
        _associated = false;
        try
        {
            _link.Exchange([0x62, 0x03, 0x80, 0x01, 0x00]);
        }
        catch (DlmsException)
        {
            // The link closing ends the association anyway.
        }
    }

    /// <summary>
    /// The likely length of an encoded array from its first bytes: header + count × the first element's length
    /// (profile rows and object-list entries are alike); null when the start is not an array or too short to tell.
    /// </summary>
    public static int? EstimateLength(byte[] start)
    {
        if (start.Length < 2 || start[0] != (byte)AxdrTag.Array) return null;
        try
        {
            var reader = new AxdrDecoder(start, 1);
            int count = reader.Length();
            int header = reader.Position;
            if (count == 0) return header;
            reader.Read();
            return header + count * (reader.Position - header);
        }
        catch (DlmsException)
        {
            return null; // the first element does not fit in the first block
        }
    }

    /// <summary>Releases the association and closes the link.</summary>
    public void Dispose()
    {
        try { Release(); }
        catch (IOException) { }
        _link.Dispose();
    }

    private static AxdrDecoder Answer(byte[] apdu, byte expected, string what)
    {
        if (apdu.Length >= 3 && apdu[0] == ExceptionResponse) throw new DlmsException($"{what}: {DataAccessResults.Exception(apdu[1], apdu[2])}");
        if (apdu.Length < 3 || apdu[0] != expected)
            throw new DlmsException($"{what}: unexpected answer {Convert.ToHexString(apdu.AsSpan(0, Math.Min(8, apdu.Length)))}");
        return new AxdrDecoder(apdu, 1);
    }

    // Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] }
    private static AxdrValue DataResult(AxdrDecoder reader, string what)
    {
        int kind = reader.Byte();
        if (kind == 0x00) return reader.Read();
        int code = reader.Byte();
        throw new DlmsException($"GET {what}: {DataAccessResults.Describe(code)}");
    }

    // Get-Response-With-Datablock: last-block (boolean), block-number (double-long-unsigned), result CHOICE
    // { raw-data [0] octet-string, data-access-result [1] }; each next block by Get-Request-Next (Green Book block transfer).
    private byte[] Blocks(AxdrDecoder reader, string what)
    {
        var data = new List<byte>();
        int blocks = 0;
        int? expected = null;
        while (true)
        {
            bool last = reader.Byte() != 0;
            long number = reader.Unsigned(4);
            if (number != blocks + 1) throw new DlmsException($"GET {what}: block {number} came, {blocks + 1} expected");
            if (reader.Byte() != 0x00) throw new DlmsException($"GET {what}: block {number}: {DataAccessResults.Describe(reader.Byte())}");
            data.AddRange(reader.Bytes(reader.Length()));
            blocks++;
            if (blocks == 1) expected = EstimateLength([.. data]);
            Progress?.Invoke(data.Count, blocks, expected);
            if (last) return [.. data];
            byte[] next = _link.Exchange([GetRequest, 0x02, InvokeIdAndPriority, (byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
            reader = Answer(next, GetResponse, "GET " + what);
            if (reader.Byte() != 0x02) throw new DlmsException($"GET {what}: the block transfer stopped after block {number}");
            reader.Byte();
        }
    }
}
