namespace Meter.Obis
{
    /// <summary>
    /// Base of a component that owns some objects of the register table: it answers the reads
    /// and takes the writes of its own objects and overrides only the kinds of value they have.
    /// Anything else is not available (reads false) and refused (<see cref="ObisWriteResult.Rejected"/>).
    /// </summary>
    public abstract class ObisValueOwner : IObisValueSource, IObisValueTarget
    {
        /// <inheritdoc />
        public virtual bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            return false;
        }

        /// <inheritdoc />
        public virtual bool TryReadText(ObisCode code, out string value)
        {
            value = null;
            return false;
        }

        /// <inheritdoc />
        public virtual bool TryReadDateTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            return false;
        }

        /// <inheritdoc />
        public virtual bool TryReadCaptureTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            return false;
        }

        /// <inheritdoc />
        public virtual ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            return ObisWriteResult.Rejected;
        }

        /// <inheritdoc />
        public virtual ObisWriteResult WriteText(ObisCode code, string value)
        {
            return ObisWriteResult.Rejected;
        }

        /// <inheritdoc />
        public virtual ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value)
        {
            return ObisWriteResult.Rejected;
        }
    }
}
