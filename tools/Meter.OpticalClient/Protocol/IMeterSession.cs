namespace Meter.OpticalClient.Protocol;

/// <summary>An open programming session: R1 reads and W1 writes of addressed values.</summary>
public interface IMeterSession
{
    /// <summary>R1 of <paramref name="address"/>: its data sets.</summary>
    IReadOnlyList<DataSet> Read(string address, string parameter = "");

    /// <summary>W1 of <paramref name="value"/> to <paramref name="address"/>.</summary>
    void Write(string address, string value);
}
