namespace Meter.Dlms
{
    /// <summary>
    /// Reads the access-parameters of a profile's selective access (Blue Book 4.3.6 "Selective access") into the
    /// <see cref="CosemGetCursor.State"/> layout of <see cref="ProfileGeneric"/>. Wrong types or shapes are
    /// type-unmatched; a restricting object or selected value that is not a column, or a date-time with
    /// wildcards in its date, is other-reason.
    /// </summary>
    internal static class ProfileSelection
    {
        private const int NotSpecifiedDeviation = -0x8000;

        /// <summary>
        /// range_descriptor ::= structure { restricting_object capture_object_definition, from_value, to_value,
        /// selected_values array of capture_object_definition (empty = every column) }. The restricting object
        /// must be column 0 (the entries' time stamp); from/to are date-time octet strings, inclusive. A bound with
        /// its deviation given is compared in UTC (Blue Book: local time = UTC − deviation); one without, in the
        /// meter's local time, as the optical port's P.01 range is.
        /// </summary>
        public static DataAccessResult ReadRange(AxdrReader parameters, IProfileSource source, long[] state, byte[] name)
        {
            if (parameters.ReadStructure() != 4) return DataAccessResult.TypeUnmatched;
            int column = ReadColumn(parameters, source, name);
            if (column == -2) return DataAccessResult.TypeUnmatched;
            if (column != 0) return DataAccessResult.OtherReason;
            DataAccessResult result = ReadDateTime(parameters, state, ProfileGeneric.From, 1);
            if (result != DataAccessResult.Success) return result;
            result = ReadDateTime(parameters, state, ProfileGeneric.To, 2);
            if (result != DataAccessResult.Success) return result;
            int count = parameters.ReadArray();
            if (count < 0) return DataAccessResult.TypeUnmatched;
            if (count > 0) state[ProfileGeneric.Columns] = 0;
            for (int i = 0; i < count; i++)
            {
                column = ReadColumn(parameters, source, name);
                if (column == -2) return DataAccessResult.TypeUnmatched;
                if (column < 0) return DataAccessResult.OtherReason;
                state[ProfileGeneric.Columns] |= 1L << column;
            }
            state[ProfileGeneric.Mode] = ProfileGeneric.ModeRange;
            return parameters.Failed ? DataAccessResult.TypeUnmatched : DataAccessResult.Success;
        }

        /// <summary>
        /// entry_descriptor ::= structure { from_entry double-long-unsigned, to_entry double-long-unsigned
        /// (0 = the newest), from_selected_value long-unsigned, to_selected_value long-unsigned (0 = the last
        /// column) }; entries and columns are numbered from 1, entry 1 the oldest (fifo).
        /// </summary>
        public static DataAccessResult ReadEntries(AxdrReader parameters, int columnCount, long[] state)
        {
            if (parameters.ReadStructure() != 4) return DataAccessResult.TypeUnmatched;
            long fromEntry = parameters.ReadInteger(AxdrType.DoubleLongUnsigned);
            long toEntry = parameters.ReadInteger(AxdrType.DoubleLongUnsigned);
            long fromColumn = parameters.ReadInteger(AxdrType.LongUnsigned);
            long toColumn = parameters.ReadInteger(AxdrType.LongUnsigned);
            if (parameters.Failed) return DataAccessResult.TypeUnmatched;
            if (toEntry == 0) toEntry = long.MaxValue;
            if (toColumn == 0 || toColumn > columnCount) toColumn = columnCount;
            if (fromEntry < 1) fromEntry = 1;
            if (fromColumn < 1) fromColumn = 1;
            if (fromColumn > toColumn) return DataAccessResult.OtherReason;
            state[ProfileGeneric.Columns] = 0;
            for (long c = fromColumn; c <= toColumn; c++) state[ProfileGeneric.Columns] |= 1L << (int)(c - 1);
            state[ProfileGeneric.From] = fromEntry;
            state[ProfileGeneric.To] = toEntry;
            state[ProfileGeneric.Mode] = ProfileGeneric.ModeEntries;
            return DataAccessResult.Success;
        }

        // A capture_object_definition → its column, -1 when no column has it, -2 when malformed.
        private static int ReadColumn(AxdrReader parameters, IProfileSource source, byte[] name)
        {
            if (parameters.ReadStructure() != 4) return -2;
            long classId = parameters.ReadInteger(AxdrType.LongUnsigned);
            int nameLength = parameters.ReadStringHeader(AxdrType.OctetString);
            if (nameLength != 6) return -2;
            int nameOffset = parameters.Position;
            parameters.Skip(6);
            long attribute = parameters.ReadInteger(AxdrType.Integer);
            long dataIndex = parameters.ReadInteger(AxdrType.LongUnsigned);
            if (parameters.Failed) return -2;
            if (dataIndex != 0) return -1;
            for (int c = 0; c < source.ColumnCount; c++)
            {
                if (source.CaptureClassId(c) != classId || source.CaptureAttribute(c) != attribute) continue;
                source.CopyCaptureName(c, name, 0);
                bool same = true;
                for (int i = 0; i < 6 && same; i++) same = name[i] == parameters.Buffer[nameOffset + i];
                if (same) return c;
            }
            return -1;
        }

        // date-time (octet-string of 12, Blue Book 4.1.6.1) → seconds since 1970 into state[slot]; flag set in
        // state[UtcFlags] when the deviation is given. Unspecified hour/minute/second (0xFF) count as 0;
        // an unspecified year, month or day cannot bound a range.
        private static DataAccessResult ReadDateTime(AxdrReader parameters, long[] state, int slot, int utcFlag)
        {
            if (parameters.ReadStringHeader(AxdrType.OctetString) != AxdrType.DateTimeLength) return DataAccessResult.TypeUnmatched;
            int year = (int)parameters.ReadBigEndian(2);
            int month = parameters.ReadByte();
            int day = parameters.ReadByte();
            parameters.ReadByte(); // day of week: implied by the date
            int hour = Specified(parameters.ReadByte());
            int minute = Specified(parameters.ReadByte());
            int second = Specified(parameters.ReadByte());
            parameters.ReadByte(); // hundredths
            int deviation = (short)parameters.ReadBigEndian(2);
            parameters.ReadByte(); // clock status
            if (parameters.Failed) return DataAccessResult.TypeUnmatched;
            if (year == 0xFFFF || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
                return DataAccessResult.OtherReason;
            long seconds = DaysSince1970(year, month, day) * 86400L + hour * 3600L + minute * 60L + second;
            if (deviation != NotSpecifiedDeviation)
            {
                seconds += deviation * 60L; // UTC = local + deviation
                state[ProfileGeneric.UtcFlags] = state[ProfileGeneric.UtcFlags] + utcFlag;
            }
            state[slot] = seconds;
            return DataAccessResult.Success;
        }

        private static int Specified(int field) => field == 0xFF ? 0 : field;

        /// <summary>Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
        internal static long DaysSince1970(int year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yearOfEra = y - era * 400;
            long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097 + dayOfEra - 719468;
        }
    }
}
