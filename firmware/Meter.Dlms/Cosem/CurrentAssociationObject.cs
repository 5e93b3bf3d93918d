namespace Meter.Dlms
{
    /// <summary>
    /// The Association LN object of the current association (Blue Book, IC 15 Association LN, version 1, logical
    /// name 0.0.40.0.0.255), served by the application layer itself because it describes the association.
    /// Readable: 1 logical_name, 2 object_list, 3 associated_partners_id, 8 association_status. Not provided (no
    /// access): 4 application_context_name, 5 xDLMS_context_info, 6 authentication_mechanism_name, 7 secret,
    /// 9 security_setup_reference; methods 1..4 (reply_to_HLS_authentication, change_HLS_secret, add_object,
    /// remove_object).
    /// </summary>
    public sealed class CurrentAssociationObject
    {
        public const int ClassId = 15, Version = 1, AttributeCount = 9, MethodCount = 4;

        /// <summary>0.0.40.0.0.255: "current association" (IEC 62056-6-1 OBIS, abstract objects).</summary>
        public static readonly byte[] LogicalName = { 0, 0, 40, 0, 0, 255 };

        private const int AssociationStatusAssociated = 2;

        /// <summary>Access mode of an attribute.</summary>
        public static CosemAttributeAccess AttributeAccess(int attributeId)
        {
            switch (attributeId)
            {
                case 1: case 2: case 3: case 8: return CosemAttributeAccess.ReadOnly;
                default: return CosemAttributeAccess.NoAccess;
            }
        }

        /// <summary>Writes an attribute's value.</summary>
        public static DataAccessResult Get(int attributeId, CosemObjectDirectory directory, CosemAssociationState association,
            int serverSap, AxdrWriter value)
        {
            switch (attributeId)
            {
                case 1:
                    value.WriteOctetString(LogicalName, 0, LogicalName.Length);
                    return DataAccessResult.Success;
                case 2:
                    WriteObjectList(directory, value);
                    return DataAccessResult.Success;
                case 3: // associated_partners_id: structure { client_SAP integer, server_SAP long-unsigned }
                    value.WriteStructure(2);
                    value.WriteInteger((sbyte)association.ClientSap);
                    value.WriteLongUnsigned((ushort)serverSap);
                    return DataAccessResult.Success;
                case 8: // association_status: enum (0 non-associated, 1 association-pending, 2 associated)
                    value.WriteEnum(AssociationStatusAssociated);
                    return DataAccessResult.Success;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }

        /// <summary>
        /// object_list ::= array object_list_element; object_list_element ::= structure { class_id long-unsigned,
        /// version unsigned, logical_name octet-string, access_rights structure { attribute_access array of
        /// structure { attribute_id integer, access_mode enum, access_selectors null-data }, method_access array of
        /// structure { method_id integer, access_mode enum } } } — the objects visible in this association with
        /// the rights it has (Blue Book, IC 15, attribute 2).
        /// </summary>
        public static void WriteObjectList(CosemObjectDirectory directory, AxdrWriter value)
        {
            int count = 0;
            for (int i = 0; i < directory.Count; i++) if (directory.IsVisible(i)) count++;
            value.WriteArray(count);
            byte[] name = directory.NameBuffer;
            for (int i = 0; i < directory.Count && !value.Overflow; i++)
            {
                if (!directory.IsVisible(i)) continue;
                value.WriteStructure(4);
                value.WriteLongUnsigned((ushort)directory.ClassId(i));
                value.WriteUnsigned((byte)directory.Version(i));
                directory.CopyLogicalName(i, name, 0);
                value.WriteOctetString(name, 0, 6);
                value.WriteStructure(2);
                int attributes = directory.AttributeCount(i);
                value.WriteArray(attributes);
                for (int a = 1; a <= attributes; a++)
                {
                    value.WriteStructure(3);
                    value.WriteInteger((sbyte)a);
                    value.WriteEnum((byte)directory.AttributeAccess(i, a));
                    value.WriteNull(); // no selective access
                }
                int methods = directory.MethodCount(i);
                value.WriteArray(methods);
                for (int m = 1; m <= methods; m++)
                {
                    value.WriteStructure(2);
                    value.WriteInteger((sbyte)m);
                    value.WriteEnum((byte)directory.MethodAccess(i, m));
                }
            }
        }
    }
}
