namespace Meter.OpticalClient.Protocol;

/// <summary>Result of a data readout.</summary>
/// <param name="Identification">The meter's identification.</param>
/// <param name="Baud">Rate the data came at.</param>
/// <param name="DataSets">The data sets, in the meter's order.</param>
/// <param name="Raw">The data message as received (STX … ETX BCC).</param>
public sealed record Readout(Identification Identification, int Baud, IReadOnlyList<DataSet> DataSets, byte[] Raw);
