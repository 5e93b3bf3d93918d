namespace Meter.Hal
{
    /// <summary>A digital output (reset line, S0 output, LED, relay, PM0/PM1 …).</summary>
    public interface IOutputPin
    {
        /// <summary>Drives the pin high (<c>true</c>) or low (<c>false</c>).</summary>
        void Write(bool high);
    }
}
