namespace Meter.Obis
{
    /// <summary>
    /// COSEM Profile generic (IEC 62056-62 class_id 7): describes a buffer of captured objects
    /// (load profile 1-0:99.1.0, billing logger, event log 0-0:99.98.0). The buffer itself is
    /// kept by its owner (storage); the table holds the description, and a readout shows the
    /// number of entries in use (the source's integer value for the code).
    /// </summary>
    public sealed class ProfileGenericObject : ObisObject
    {
        private readonly ObisCode[] _captureObjects;

        /// <summary>A profile capturing <paramref name="captureObjects"/> every <paramref name="capturePeriodSeconds"/> (0 = on event).</summary>
        public ProfileGenericObject(ObisCode code, ObisCode[] captureObjects, int capturePeriodSeconds, IObisValueSource source)
            : base(code, ObisInterfaceClass.ProfileGeneric, source)
        {
            if (captureObjects == null || captureObjects.Length == 0) throw new System.ArgumentException("a profile captures at least one object");
            if (capturePeriodSeconds < 0) throw new System.ArgumentException("capture period cannot be negative");
            _captureObjects = captureObjects;
            CapturePeriodSeconds = capturePeriodSeconds;
        }

        /// <summary>Capture period in seconds; 0 = captured on events.</summary>
        public int CapturePeriodSeconds { get; }

        /// <summary>Number of captured objects in a row.</summary>
        public int CaptureObjectCount => _captureObjects.Length;

        /// <summary>The <paramref name="index"/>th captured object.</summary>
        public ObisCode CaptureObject(int index) => _captureObjects[index];

        /// <inheritdoc />
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position)
        {
            long entries;
            if (!Source.TryReadInteger(code, out entries) || entries < 0) return -1;
            return AsciiNumber.WriteUnsigned(entries, buffer, position);
        }

        /// <inheritdoc />
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length) => ObisWriteResult.ReadOnly;
    }
}
