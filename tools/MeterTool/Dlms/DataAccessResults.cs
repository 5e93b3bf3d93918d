namespace Meter.Tool.Dlms;

/// <summary>The Data-Access-Result and Action-Result codes (Green Book, xDLMS GET/SET/ACTION) in words.</summary>
public static class DataAccessResults
{
    /// <summary>What <paramref name="code"/> means, with a hint where one helps.</summary>
    public static string Describe(int code) => code switch
    {
        0 => "success",
        1 => "hardware-fault (1)",
        2 => "temporary-failure (2): try again",
        3 => "read-write-denied (3): the object's access rights in this association do not allow it (the meter keeps it read-only here)",
        4 => "object-undefined (4): the meter has no such object or attribute (check the OBIS code and --attribute)",
        9 => "object-class-inconsistent (9): the object exists with another interface class (check --class)",
        11 => "object-unavailable (11)",
        12 => "type-unmatched (12): the value has the wrong type for this attribute",
        13 => "scope-of-access-violated (13): not allowed for this client (the public client 16 is read-only: use --client 1 with the password)",
        14 => "data-block-unavailable (14)",
        15 => "long-get-aborted / long-action-aborted (15)",
        16 => "no-long-get-in-progress / no-long-action-in-progress (16)",
        17 => "long-set-aborted (17)",
        18 => "no-long-set-in-progress (18)",
        19 => "data-block-number-invalid (19)",
        250 => "other-reason (250): refused by the meter (e.g. a selective access it does not offer, or a value it does not take)",
        _ => $"result code {code}",
    };

    /// <summary>The ACSE service-user diagnostic of a rejected AARE (Green Book ACSE) in words.</summary>
    public static string AcseDiagnostic(int code) => code switch
    {
        0 => "no diagnostic",
        1 => "no reason given (1)",
        2 => "application context name not supported (2): the meter wants LN referencing without ciphering",
        11 => "authentication mechanism name not recognised (11)",
        12 => "authentication mechanism name required (12): this client needs a password (--password)",
        13 => "authentication failure (13): wrong password",
        14 => "authentication required (14)",
        _ => $"diagnostic {code}",
    };

    /// <summary>An ExceptionResponse (Green Book: state-error, service-error) in words.</summary>
    public static string Exception(int stateError, int serviceError)
    {
        string state = stateError switch { 1 => "service not allowed (no association)", 2 => "service unknown", _ => $"state-error {stateError}" };
        string service = serviceError switch
        {
            1 => "operation not possible", 2 => "service not supported (not in the negotiated conformance)", 3 => "other reason (malformed request)",
            4 => "PDU too long", 5 => "deciphering error", 6 => "invocation counter error", _ => $"service-error {serviceError}",
        };
        return $"the meter answered ExceptionResponse: {state}, {service}";
    }
}
