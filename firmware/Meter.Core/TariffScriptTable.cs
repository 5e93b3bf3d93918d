using Meter.Dlms;

namespace Meter.Core
{
    /// <summary>
    /// The tariffication script table 0-0:10.0.100.255 (Blue Book IC 9 Script table, version 0) the activity
    /// calendar's switches name: script n (n = 1 … the meter's tariffs) makes tariff n the tariff in force, written
    /// as what it does — attribute 2 of the Data object 0-0:96.14.0 (currently active tariff) set to n. The scripts
    /// are fixed (read-only) and execute (method 1) is not offered: the calendar runs them, and register control
    /// commands the tariff on 0-0:96.14.0 itself.
    /// </summary>
    public static class TariffScriptTable
    {
        public const int ClassId = 9, Attributes = 2, Methods = 1;

        /// <summary>service_id of action_specification: write attribute.</summary>
        private const int WriteAttribute = 1;
        private const int DataClass = 1, ValueAttribute = 2;

        private static readonly byte[] ActiveTariff = { 0, 0, 96, 14, 0, 255 };

        /// <summary>scripts ::= array script; script ::= structure { script_identifier long-unsigned, actions array
        /// action_specification }; action_specification ::= structure { service_id enum, class_id long-unsigned,
        /// logical_name octet-string, index integer, parameter (the value: double-long-unsigned as 0-0:96.14.0 reads) }.</summary>
        public static void WriteScripts(int tariffCount, AxdrWriter value)
        {
            value.WriteArray(tariffCount);
            for (int tariff = 1; tariff <= tariffCount; tariff++)
            {
                value.WriteStructure(2);
                value.WriteLongUnsigned((ushort)tariff);
                value.WriteArray(1);
                value.WriteStructure(5);
                value.WriteEnum(WriteAttribute);
                value.WriteLongUnsigned(DataClass);
                value.WriteOctetString(ActiveTariff, 0, 6);
                value.WriteInteger(ValueAttribute);
                value.WriteDoubleLongUnsigned((uint)tariff);
            }
        }
    }
}
