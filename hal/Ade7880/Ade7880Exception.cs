namespace Meter.Hal.Ade7880
{
    /// <summary>Base of every error the ADE7880 driver reports.</summary>
    public class Ade7880Exception : System.Exception
    {
        /// <summary>Creates the exception with a message naming what failed.</summary>
        public Ade7880Exception(string message) : base(message)
        {
        }
    }
}
