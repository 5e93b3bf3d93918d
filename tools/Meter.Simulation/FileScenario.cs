using System.Globalization;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Simulation;

/// <summary>A CSV of 15-minute means (a day or a year), repeated when the simulation runs past its end.</summary>
public sealed class FileScenario : LoadScenario
{
    private readonly string _path;
    private readonly long _firstUtc;
    private readonly double[][] _rows; // p1, p2, p3, q1, q2, q3
    private readonly double _maxCurrent;
    private long _lastIndex = -1;

    private FileScenario(string path, long firstUtc, double[][] rows, double maxCurrent)
    {
        _path = path;
        _firstUtc = firstUtc;
        _rows = rows;
        _maxCurrent = maxCurrent;
    }

    /// <summary>Reads <paramref name="path"/>; currents are clamped to <paramref name="maxCurrent"/> A. Errors name the file and line.</summary>
    public static FileScenario Load(string path, double maxCurrent)
    {
        if (!File.Exists(path)) throw new ArgumentException($"scenario file '{path}' does not exist");
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2) throw new ArgumentException($"scenario file '{path}': no data lines");
        if (!lines[0].StartsWith("start_utc,", StringComparison.Ordinal))
            throw new ArgumentException($"scenario file '{path}' line 1: expected the header start_utc,p_l1_w,p_l2_w,p_l3_w,q_l1_var,q_l2_var,q_l3_var");
        var rows = new List<double[]>();
        long first = 0;
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var cells = lines[n].Split(',');
            if (cells.Length != 7) throw new ArgumentException($"scenario file '{path}' line {n + 1}: expected 7 columns, found {cells.Length}");
            if (!DateTime.TryParse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                throw new ArgumentException($"scenario file '{path}' line {n + 1}: '{cells[0]}' is not a UTC time");
            long seconds = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds();
            if (rows.Count == 0) first = seconds;
            else if (seconds != first + 900L * rows.Count)
                throw new ArgumentException($"scenario file '{path}' line {n + 1}: expected 15-minute steps without gaps");
            var row = new double[6];
            for (int c = 0; c < 6; c++)
                if (!double.TryParse(cells[c + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]))
                    throw new ArgumentException($"scenario file '{path}' line {n + 1}: '{cells[c + 1]}' is not a number");
            rows.Add(row);
        }
        return new FileScenario(path, first, rows.ToArray(), maxCurrent);
    }

    /// <inheritdoc />
    public override string Description => $"file {Path.GetFileName(_path)}: {_rows.Length} intervals of 15 min from {DateTimeOffset.FromUnixTimeSeconds(_firstUtc):yyyy-MM-dd HH:mm}Z, repeated";

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
            double pw = r[p], q = r[p + 3];
            double s = Math.Sqrt(pw * pw + q * q);
            double current = Math.Min(s / NominalVoltage, _maxCurrent);
            double angle = s == 0 ? 0 : Math.Atan2(q, pw) * 180 / Math.PI; // current lags voltage by +angle (inductive Q > 0)
            target[p] = new PhaseLoad(NominalVoltage, current, angle);
        }
        return true;
    }
}
