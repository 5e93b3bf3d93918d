using Meter.Obis;
using Meter.Optical;

namespace Meter.Optical.Tests.Support;

/// <summary>
/// A register table with the standard objects over an <see cref="ObisMemoryStore"/> holding
/// known values (hand-chosen so that each shown value can be worked out in a comment).
/// </summary>
public sealed class SampleMeter
{
    /// <summary>1-0:0.128.0: a configuration object that needs password level 2 (for ER07 tests).</summary>
    public static readonly ObisCode LevelTwoParameter = new(1, 0, 0, 128, 0, 255);

    /// <summary>1-0:0.128.1: a parameter whose owner refuses every write (for ER12 tests).</summary>
    public static readonly ObisCode RefusedParameter = new(1, 0, 0, 128, 1, 255);

    public ObisMemoryStore Store { get; } = new(128);
    public ObisTable Table { get; } = new(StandardObjects.Count + 4);

    public SampleMeter()
    {
        StandardObjects.AddTo(Table, Store, Store);
        var levelTwo = new IntegerDataObject(LevelTwoParameter, 1, Store);
        levelTwo.SetWriteRange(0, 99);
        levelTwo.AllowWrite(ObisAccess.Configuration, 2, Store);
        Table.Add(levelTwo);
        var refused = new IntegerDataObject(RefusedParameter, 1, Store);
        refused.AllowWrite(ObisAccess.Configuration, 1, new RefusingTarget());
        Table.Add(refused);

        Store.SetText(StandardObjects.MeterNumber, "12345678");
        Store.SetText(StandardObjects.FirmwareVersion, "0.1.0");
        Store.SetDateTime(StandardObjects.Clock, new ObisDateTime(2024, 5, 1, 10, 20, 30));
        Store.SetInteger(StandardObjects.ErrorRegister, 0);
        Store.SetInteger(StandardObjects.StatusRegister, 0x1A);
        Store.SetInteger(StandardObjects.BillingPeriodCounter, 7);
        Store.SetInteger(StandardObjects.IntegrationPeriod, 15);
        Store.SetInteger(StandardObjects.MeterConstant, 1000);
        Store.SetInteger(StandardObjects.PulseFigure, 1000);
        Store.SetInteger(StandardObjects.CtRatio, 1);
        Store.SetInteger(LevelTwoParameter, 5);
        Store.SetInteger(StandardObjects.ActiveImport, 1_234_567);          // Wh → 001234.567 kWh
        Store.SetInteger(StandardObjects.ActiveImport.WithF(7), 1_000_000); // VZ 7 → 001000.000 kWh
        Store.SetInteger(StandardObjects.MaximumDemandImport, 12_345);      // W → 12.345 kW
        Store.SetCaptureTime(StandardObjects.MaximumDemandImport, new ObisDateTime(2024, 5, 1, 10, 15, 0));
        Store.SetInteger(StandardObjects.VoltageL1, 2301);                  // 0.1 V → 230.1 V
    }

    /// <summary>The short readout used for byte-for-byte tests.</summary>
    public static ReadoutList ShortReadout()
    {
        var list = new ReadoutList(8);
        list.Add(StandardObjects.MeterNumber);
        list.Add(StandardObjects.ActiveImport, 1);
        list.Add(StandardObjects.MaximumDemandImport);
        list.Add(StandardObjects.VoltageL1);
        return list;
    }
}

/// <summary>An owner that refuses every write (storage busy).</summary>
public sealed class RefusingTarget : IObisValueTarget
{
    public ObisWriteResult WriteInteger(ObisCode code, long value) => ObisWriteResult.Rejected;
    public ObisWriteResult WriteText(ObisCode code, string value) => ObisWriteResult.Rejected;
    public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value) => ObisWriteResult.Rejected;
}
