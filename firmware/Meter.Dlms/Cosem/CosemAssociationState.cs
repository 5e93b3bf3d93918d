namespace Meter.Dlms
{
    /// <summary>The application association in force on one link (Green Book: confirmed AA established by
    /// AARQ/AARE, ended by RLRQ/RLRE or by the link's release).</summary>
    public sealed class CosemAssociationState
    {
        /// <summary>An association is established.</summary>
        public bool Active { get; private set; }
        /// <summary>SAP of the associated client.</summary>
        public int ClientSap { get; private set; }
        /// <summary>Only reads are possible (the public client).</summary>
        public bool ReadOnly { get; private set; }
        /// <summary>Authentication mechanism id (0 lowest level, 1 LLS).</summary>
        public int Mechanism { get; private set; }
        /// <summary>Negotiated conformance block (24 bits).</summary>
        public int Conformance { get; private set; }
        /// <summary>client-max-receive-pdu-size from the InitiateRequest.</summary>
        public int ClientMaxPdu { get; private set; }

        /// <summary>Establishes the association.</summary>
        public void Establish(int clientSap, bool readOnly, int mechanism, int conformance, int clientMaxPdu)
        {
            Active = true;
            ClientSap = clientSap;
            ReadOnly = readOnly;
            Mechanism = mechanism;
            Conformance = conformance;
            ClientMaxPdu = clientMaxPdu;
        }

        /// <summary>Ends it.</summary>
        public void Release()
        {
            Active = false;
            ClientSap = -1;
            ReadOnly = true;
            Conformance = 0;
        }

        /// <summary>True when every bit of <paramref name="service"/> was negotiated.</summary>
        public bool Allows(int service) => (Conformance & service) == service;
    }
}
