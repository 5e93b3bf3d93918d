namespace Meter.Dlms
{
    /// <summary>
    /// The Association LN object of the current association (Blue Book, IC 15 Association LN, version 1, logical
    /// name 0.0.40.0.0.255), served by the application layer itself because it describes the association.
    /// Readable: 1 logical_name, 2 object_list, 3 associated_partners_id, 4 application_context_name,
    /// 5 xDLMS_context_info, 6 authentication_mechanism_name, 8 association_status. Not provided (no access):
    /// 7 secret (never readable), 9 security_setup_reference (no security setup object: no ciphering); methods
    /// 1..4 (reply_to_HLS_authentication, change_HLS_secret, add_object, remove_object).
    /// </summary>
    public sealed class CurrentAssociationObject
    {
        public const int ClassId = 15, Version = 1, AttributeCount = 9, MethodCount = 4;

        /// <summary>0.0.40.0.0.255: "current association" (IEC 62056-6-1 OBIS, abstract objects).</summary>
        public static readonly byte[] LogicalName = { 0, 0, 40, 0, 0, 255 };

        private const int AssociationStatusAssociated = 2;

        // The object identifiers {joint-iso-ctt(2) country(16) country-name(756) identified-organization(5)
        // DLMS-UA(8) …} of the Green Book (application context names, authentication mechanism names).
        private const int JointIsoCtt = 2, Country = 16, CountryName = 756, IdentifiedOrganization = 5, DlmsUa = 8;
        private const int QualityOfServiceNone = 0;

        /// <summary>Conformance block of xDLMS_context_info as a 24-bit bit-string (3 bytes, reused).</summary>
        private static readonly byte[] ConformanceBits = new byte[3];

        /// <summary>Access mode of an attribute.</summary>
        public static CosemAttributeAccess AttributeAccess(int attributeId)
        {
            switch (attributeId)
            {
                case 1: case 2: case 3: case 4: case 5: case 6: case 8: return CosemAttributeAccess.ReadOnly;
                default: return CosemAttributeAccess.NoAccess;
            }
        }

        /// <summary>Writes an attribute's value; <paramref name="serverMaxReceivePdu"/> is the server's
        /// max_receive_pdu_size of xDLMS_context_info.</summary>
        public static DataAccessResult Get(int attributeId, CosemObjectDirectory directory, CosemAssociationState association,
            int serverSap, int serverMaxReceivePdu, AxdrWriter value)
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
                case 4: // application_context_name: the one the AARQ proposed and the server accepted
                    WriteDlmsName(AcseConstants.ContextArc, AcseConstants.ContextLnNoCiphering, value);
                    return DataAccessResult.Success;
                case 5:
                    WriteContextInfo(association, serverMaxReceivePdu, value);
                    return DataAccessResult.Success;
                case 6: // authentication_mechanism_name: lowest (public client) or low level security (LLS)
                    WriteDlmsName(AcseConstants.MechanismArc, association.Mechanism, value);
                    return DataAccessResult.Success;
                case 8: // association_status: enum (0 non-associated, 1 association-pending, 2 associated)
                    value.WriteEnum(AssociationStatusAssociated);
                    return DataAccessResult.Success;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }

        /// <summary>
        /// application_context_name / authentication_mechanism_name (Blue Book IC 15): structure {
        /// joint-iso-ctt-element unsigned, country-element unsigned, country-name-element long-unsigned,
        /// identified-organization-element unsigned, DLMS-UA-element unsigned, application-context-name-element /
        /// authentication-mechanism-name-element unsigned, context-id-element / mechanism-id-element unsigned }.
        /// </summary>
        private static void WriteDlmsName(int arc, int id, AxdrWriter value)
        {
            value.WriteStructure(7);
            value.WriteUnsigned(JointIsoCtt);
            value.WriteUnsigned(Country);
            value.WriteLongUnsigned(CountryName);
            value.WriteUnsigned(IdentifiedOrganization);
            value.WriteUnsigned(DlmsUa);
            value.WriteUnsigned((byte)arc);
            value.WriteUnsigned((byte)id);
        }

        /// <summary>
        /// xDLMS_context_info (Blue Book IC 15): structure { conformance bit-string(24), max_receive_pdu_size
        /// long-unsigned (the server's), max_send_pdu_size long-unsigned (the client's max receive size, what the
        /// server may send), dlms_version_number unsigned, quality_of_service integer, cyphering_info octet-string
        /// (empty: no ciphering) }.
        /// </summary>
        private static void WriteContextInfo(CosemAssociationState association, int serverMaxReceivePdu, AxdrWriter value)
        {
            int conformance = association.Conformance;
            ConformanceBits[0] = (byte)(conformance >> 16);
            ConformanceBits[1] = (byte)(conformance >> 8);
            ConformanceBits[2] = (byte)conformance;
            value.WriteStructure(6);
            value.WriteBitString(ConformanceBits, 0, 24);
            value.WriteLongUnsigned((ushort)serverMaxReceivePdu);
            value.WriteLongUnsigned((ushort)association.ClientMaxPdu);
            value.WriteUnsigned(AcseConstants.DlmsVersion);
            value.WriteInteger(QualityOfServiceNone);
            value.WriteOctetString(ConformanceBits, 0, 0);
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
