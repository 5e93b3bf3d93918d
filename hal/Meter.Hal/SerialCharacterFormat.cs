namespace Meter.Hal
{
    /// <summary>Character format of a serial link.</summary>
    public enum SerialCharacterFormat
    {
        /// <summary>1 start, 7 data bits, even parity, 1 stop: IEC 62056-21 modes A to E before the switch (7-bit characters).</summary>
        SevenEvenOne = 0,
        /// <summary>1 start, 8 data bits, no parity, 1 stop: HDLC (IEC 62056-46) after the mode-E switch, a module UART (8-bit bytes).</summary>
        EightNoneOne = 1,
    }
}
