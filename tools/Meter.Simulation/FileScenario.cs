using System.Globalization;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Simulation;

/// <summary>
/// A CSV of 15-minute means (a day or a year), repeated when the simulation runs past its end. After the
/// power columns, optional power-quality columns (any of them, any order, named in the header):
/// <c>u_l1_v,u_l2_v,u_l3_v</c> phase voltage (rms, V; default 230), <c>thd_u_pct</c> voltage THD on every
/// phase (%, as the 3rd, 5th and 7th harmonics of the "harmonics" load), <c>f_hz</c> frequency (Hz; default 50).
/// </summary>
public sealed class FileScenario : LoadScenario
{
    /// <summary>The power columns every file starts with, in this order.</summary>
    public static readonly string[] PowerColumns = ["start_utc", "p_l1_w", "p_l2_w", "p_l3_w", "q_l1_var", "q_l2_var", "q_l3_var"];

    /// <summary>The optional power-quality columns that may follow.</summary>
    public static readonly string[] QualityColumns = ["u_l1_v", "u_l2_v", "u_l3_v", "thd_u_pct", "f_hz"];

    private const int Voltage1 = 6, Thd = 9, Frequency = 10, Values = 11; // value indexes after p1..p3, q1..q3

    private readonly string _path;
    private readonly long _firstUtc;
    private readonly double[][] _rows; // p1, p2, p3, q1, q2, q3, u1, u2, u3, thd, f
    private readonly double _maxCurrent;
    private long _lastIndex = -1;

    private FileScenario(string path, long firstUtc, double[][] rows, double maxCurrent, bool hasQuality)
    {
        _path = path;
        _firstUtc = firstUtc;
        _rows = rows;
        _maxCurrent = maxCurrent;
        HasQualityColumns = hasQuality;
    }

    /// <summary>The file has power-quality columns (the virtual meter then measures quality).</summary>
    public bool HasQualityColumns { get; }

    /// <summary>Whether the file at <paramref name="path"/> has power-quality columns (false when it cannot be read: <see cref="Load"/> says why).</summary>
    public static bool FileHasQualityColumns(string path)
    {
        if (!File.Exists(path)) return false;
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        return header != null && header.Split(',').Skip(PowerColumns.Length).Any(c => QualityColumns.Contains(c.Trim()));
    }

    /// <summary>Reads <paramref name="path"/>; currents are clamped to <paramref name="maxCurrent"/> A. Errors name the file and line.</summary>
    public static FileScenario Load(string path, double maxCurrent)
    {
        if (!File.Exists(path)) throw new ArgumentException($"scenario file '{path}' does not exist");
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2) throw new ArgumentException($"scenario file '{path}': no data lines");
        int[] columnValue = HeaderColumns(path, lines[0]);
        var rows = new List<double[]>();
        long first = 0;
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var cells = lines[n].Split(',');
            if (cells.Length != columnValue.Length) throw new ArgumentException($"scenario file '{path}' line {n + 1}: expected {columnValue.Length} columns as the header, found {cells.Length}");
            if (!DateTime.TryParse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                throw new ArgumentException($"scenario file '{path}' line {n + 1}: '{cells[0]}' is not a UTC time");
            long seconds = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds();
            if (rows.Count == 0) first = seconds;
            else if (seconds != first + 900L * rows.Count)
                throw new ArgumentException($"scenario file '{path}' line {n + 1}: expected 15-minute steps without gaps");
            var row = new double[Values];
            row[Voltage1] = row[Voltage1 + 1] = row[Voltage1 + 2] = NominalVoltage;
            row[Frequency] = 50;
            for (int c = 1; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new ArgumentException($"scenario file '{path}' line {n + 1}: '{cells[c]}' is not a number");
                string? range = QualityRangeError(columnValue[c], value);
                if (range != null) throw new ArgumentException($"scenario file '{path}' line {n + 1}: {range}");
                row[columnValue[c]] = value;
            }
            rows.Add(row);
        }
        return new FileScenario(path, first, rows.ToArray(), maxCurrent, columnValue.Length > PowerColumns.Length);
    }

    // Index into a row's values for each header column (0 for start_utc); errors name the column.
    private static int[] HeaderColumns(string path, string header)
    {
        string[] names = header.Split(',');
        string expected = string.Join(",", PowerColumns);
        if (names.Length < PowerColumns.Length || !names.Take(PowerColumns.Length).SequenceEqual(PowerColumns))
            throw new ArgumentException($"scenario file '{path}' line 1: expected the header {expected}, then any of {string.Join(",", QualityColumns)}");
        var map = new int[names.Length];
        for (int c = 1; c < PowerColumns.Length; c++) map[c] = c - 1;
        for (int c = PowerColumns.Length; c < names.Length; c++)
        {
            int q = Array.IndexOf(QualityColumns, names[c].Trim());
            if (q < 0) throw new ArgumentException($"scenario file '{path}' line 1: unknown column '{names[c]}'; after {expected} come any of {string.Join(",", QualityColumns)}");
            if (Array.IndexOf(map, Voltage1 + q, PowerColumns.Length) >= 0) throw new ArgumentException($"scenario file '{path}' line 1: column '{names[c]}' twice");
            map[c] = Voltage1 + q;
        }
        return map;
    }

    // The quality columns' plausible ranges (a voltage of 0 is an interruption).
    private static string? QualityRangeError(int index, double value)
    {
        if (index >= Voltage1 && index < Thd && !(value >= 0 && value <= 2 * NominalVoltage)) return $"voltage {F(value)} V is outside 0 … {F(2 * NominalVoltage)} V";
        if (index == Thd && !(value >= 0 && value <= MaximumThdPercent)) return $"THD {F(value)} % is outside 0 … {F(MaximumThdPercent)} %";
        if (index == Frequency && !(value >= 40 && value <= 70)) return $"frequency {F(value)} Hz is outside 40 … 70 Hz";
        return null;
    }

    /// <inheritdoc />
    public override string Description => $"file {Path.GetFileName(_path)}: {_rows.Length} intervals of 15 min from {DateTimeOffset.FromUnixTimeSeconds(_firstUtc):yyyy-MM-dd HH:mm}Z, repeated"
        + (HasQualityColumns ? ", with power-quality columns" : "");

    /// <inheritdoc />
    public override DateTime? NaturalStart => DateTimeOffset.FromUnixTimeSeconds(_firstUtc).UtcDateTime;

    /// <summary>Intervals in the file.</summary>
    public int Intervals => _rows.Length;

    /// <inheritdoc />
    public override bool LoadsAt(long utcSeconds, PhaseLoad[] target)
    {
        long index = ((utcSeconds - _firstUtc) / 900 % _rows.Length + _rows.Length) % _rows.Length;
        if (index == _lastIndex) return false;
        _lastIndex = index;
        var r = _rows[index];
        for (int p = 0; p < 3; p++)
        {
            double pw = r[p], q = r[p + 3], u = r[Voltage1 + p];
            double s = Math.Sqrt(pw * pw + q * q);
            double current = u == 0 ? 0 : Math.Min(s / u, _maxCurrent);
            double angle = s == 0 ? 0 : Math.Atan2(q, pw) * 180 / Math.PI; // current lags voltage by +angle (inductive Q > 0)
            target[p] = new PhaseLoad(u, current, angle, r[Frequency]) { Harmonics = r[Thd] > 0 ? VoltageHarmonics(r[Thd], current, u) : [] };
        }
        return true;
    }
}
