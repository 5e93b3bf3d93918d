using System;

namespace Meter.Hal.Ds3234
{
    /// <summary>
    /// Driver for the Maxim (Analog Devices) DS3234 SPI real-time clock: temperature-compensated
    /// crystal oscillator, battery/supercap backup input (VBAT), oscillator-stop flag and an
    /// aging-offset register for trimming. The chip keeps UTC in 24-hour mode.
    /// The SPI device is passed in (SPI mode 1 or 3, up to 4 MHz; DS3234 data sheet, "SPI Serial
    /// Data Bus"), so the same driver serves any board and the simulated chip.
    /// <see cref="Dispose"/> releases that SPI device (when it is disposable); the chip keeps time.
    /// </summary>
    public sealed class Ds3234Rtc : IRtc, IDisposable
    {
        /// <summary>Largest aging-offset code; the register is 8-bit two's complement, ±127 (DS3234 data sheet, "Aging Offset").</summary>
        public const int MaxAgingCode = 127;

        /// <summary>
        /// Trim step: one aging LSB moves the frequency by about 0.1 ppm at +25 °C (DS3234
        /// data sheet, "Aging Offset"), so one code is one tenth of a ppm.
        /// </summary>
        public const int TenthsPpmPerAgingCode = 1;

        /// <summary>First year the chip holds correctly: the year register counts 00–99 from 2000.</summary>
        public const int FirstYear = 2000;

        /// <summary>
        /// Last year the chip holds correctly: its leap-year rule is "every fourth year", valid
        /// up to 2099 (DS3234 data sheet, "Clock and Calendar": leap-year compensation valid up to 2100).
        /// </summary>
        public const int LastYear = 2099;

        private const int TimeFrameLength = 8; // address + seconds..year (00h–06h)

        private readonly ISpiDevice _spi;
        private readonly byte[] _timeWrite = new byte[TimeFrameLength];
        private readonly byte[] _timeRead = new byte[TimeFrameLength];
        private readonly byte[] _registerWrite = new byte[2];
        private readonly byte[] _registerRead = new byte[2];
        private bool _disposed;

        /// <summary>Creates the driver over the chip's SPI device (its own chip select).</summary>
        public Ds3234Rtc(ISpiDevice spi)
        {
            if (spi == null)
            {
                throw new ArgumentNullException("spi");
            }

            _spi = spi;
        }

        /// <inheritdoc />
        public bool TryReadUtc(out DateTime utc)
        {
            CheckNotDisposed();
            utc = new DateTime(DateTimeTicksAt2000, DateTimeKind.Utc);

            // One burst from 00h: the time is read from secondary (user) buffers that are
            // synchronized at the start of the access, so the seven fields belong to one second
            // (DS3234 data sheet, "Clock and Calendar").
            for (int i = 0; i < TimeFrameLength; i++)
            {
                _timeWrite[i] = 0;
            }

            _timeWrite[0] = (byte)Ds3234Register.Seconds;
            _spi.TransferFullDuplex(_timeWrite, _timeRead);

            int second = Bcd.Decode(_timeRead[1] & 0x7F);
            int minute = Bcd.Decode(_timeRead[2] & 0x7F);
            int hour = DecodeHour(_timeRead[3]);
            int day = Bcd.Decode(_timeRead[5] & 0x3F);
            int month = Bcd.Decode(_timeRead[6] & 0x1F);
            int yearInCentury = Bcd.Decode(_timeRead[7]);
            if (second < 0 || second > 59 || minute < 0 || minute > 59 || hour < 0 || month < 1 || month > 12 || yearInCentury < 0)
            {
                return false;
            }

            int year = FirstYear + yearInCentury + ((_timeRead[6] & Ds3234Bits.Century) != 0 ? 100 : 0);
            if (day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            utc = new DateTime(new DateTime(year, month, day, hour, minute, second).Ticks, DateTimeKind.Utc);
            return true;
        }

        /// <inheritdoc />
        public void WriteUtc(DateTime utc)
        {
            int year = utc.Year;
            if (year < FirstYear || year > LastYear)
            {
                throw new ArgumentOutOfRangeException("utc", "DS3234 holds years 2000..2099 only (its leap-year rule is every 4th year)");
            }

            CheckNotDisposed();

            _timeWrite[0] = (byte)((byte)Ds3234Register.Seconds | Ds3234Bits.WriteFlag);
            _timeWrite[1] = Bcd.Encode(utc.Second);
            _timeWrite[2] = Bcd.Encode(utc.Minute);
            _timeWrite[3] = Bcd.Encode(utc.Hour); // bit 6 = 0: 24-hour mode
            _timeWrite[4] = (byte)((int)utc.DayOfWeek + 1); // 1 = Sunday … 7 = Saturday
            _timeWrite[5] = Bcd.Encode(utc.Day);
            _timeWrite[6] = Bcd.Encode(utc.Month); // century bit 0: 20xx
            _timeWrite[7] = Bcd.Encode(year - FirstYear);
            _spi.TransferFullDuplex(_timeWrite, _timeRead);

            // Keep the oscillator running on VBAT: EOSC = 0 (DS3234 data sheet, Control register bit 7).
            byte control = ReadRegister(Ds3234Register.Control);
            if ((control & Ds3234Bits.EnableOscillatorN) != 0)
            {
                WriteRegister(Ds3234Register.Control, (byte)(control & ~Ds3234Bits.EnableOscillatorN));
            }

            // OSF stays 1 until written 0 (DS3234 data sheet, Control/Status bit 7): the time is now good.
            byte status = ReadRegister(Ds3234Register.ControlStatus);
            WriteRegister(Ds3234Register.ControlStatus, (byte)(status & ~Ds3234Bits.OscillatorStopFlag));
        }

        /// <inheritdoc />
        public bool HasLostTime()
        {
            return (ReadRegister(Ds3234Register.ControlStatus) & Ds3234Bits.OscillatorStopFlag) != 0;
        }

        /// <inheritdoc />
        public int TrimTenthsPpm
        {
            get
            {
                // Positive aging codes slow the clock (DS3234 data sheet, "Aging Offset"), so the
                // trim (positive = faster) is the negated code.
                int code = (sbyte)ReadRegister(Ds3234Register.AgingOffset);
                return -code * TenthsPpmPerAgingCode;
            }
        }

        /// <inheritdoc />
        public void SetTrimTenthsPpm(int tenthsPpm)
        {
            int code = -tenthsPpm / TenthsPpmPerAgingCode;
            if (code > MaxAgingCode || code < -MaxAgingCode)
            {
                throw new ArgumentOutOfRangeException("tenthsPpm", "DS3234 aging offset covers -12.7..+12.7 ppm (codes -127..127)");
            }

            WriteRegister(Ds3234Register.AgingOffset, (byte)(sbyte)code);

            // The new offset takes effect at the next temperature conversion; start one now unless
            // one is running (DS3234 data sheet, "Aging Offset" and Control bit CONV, Status bit BSY).
            if ((ReadRegister(Ds3234Register.ControlStatus) & Ds3234Bits.Busy) == 0)
            {
                byte control = ReadRegister(Ds3234Register.Control);
                WriteRegister(Ds3234Register.Control, (byte)(control | Ds3234Bits.Convert));
            }
        }

        /// <summary>
        /// Releases the SPI device (disposed when it is <see cref="IDisposable"/>); every later use
        /// throws <see cref="ObjectDisposedException"/>. Safe to call twice.
        /// </summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Disposal.Release(_spi);
        }

        // Raw register access stays inside the driver: users see time, trim and the backup-loss flag.

        /// <summary>Reads one register in a two-byte frame (address, dummy).</summary>
        internal byte ReadRegister(Ds3234Register register)
        {
            CheckNotDisposed();
            _registerWrite[0] = (byte)register;
            _registerWrite[1] = 0;
            _spi.TransferFullDuplex(_registerWrite, _registerRead);
            return _registerRead[1];
        }

        /// <summary>Writes one register in a two-byte frame (address | 80h, value).</summary>
        internal void WriteRegister(Ds3234Register register, byte value)
        {
            CheckNotDisposed();
            _registerWrite[0] = (byte)((byte)register | Ds3234Bits.WriteFlag);
            _registerWrite[1] = value;
            _spi.TransferFullDuplex(_registerWrite, _registerRead);
        }

        // 2000-01-01T00:00:00Z in DateTime ticks (730119 days × 864 000 000 000 ticks a day).
        private const long DateTimeTicksAt2000 = 630822816000000000;

        private void CheckNotDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("Ds3234Rtc");
            }
        }

        private static int DecodeHour(byte register)
        {
            if ((register & Ds3234Bits.TwelveHourMode) == 0)
            {
                int hour24 = Bcd.Decode(register & 0x3F);
                return hour24 > 23 ? -1 : hour24;
            }

            // 12-hour mode: bits 4–0 BCD 1–12, bit 5 = PM (DS3234 data sheet, Hours register).
            int hour12 = Bcd.Decode(register & 0x1F);
            if (hour12 < 1 || hour12 > 12)
            {
                return -1;
            }

            bool pm = (register & Ds3234Bits.Pm) != 0;
            return (hour12 % 12) + (pm ? 12 : 0);
        }
    }
}
