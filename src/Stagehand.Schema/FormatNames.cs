namespace Stagehand.Schema;

/// <summary>
/// The <c>format</c> values the runtime can assert, each with the <c>Stagehand.Contracts.StringFormat</c> member that
/// checks it: every format of the JSON Schema validation vocabulary (draft 2020-12, 2019-09 and 7). A format not listed
/// here is an annotation even where formats assert.
/// </summary>
internal static class FormatNames
{
    /// <summary>The <c>StringFormat</c> member that asserts <paramref name="format"/>, or null when the runtime does not know it.</summary>
    public static string? RuntimeName(string format) => format switch
    {
        "uuid" => "Uuid",
        "date-time" => "DateTime",
        "uri" => "Uri",
        "date" => "Date",
        "time" => "Time",
        "duration" => "Duration",
        "email" => "Email",
        "idn-email" => "IdnEmail",
        "hostname" => "Hostname",
        "idn-hostname" => "IdnHostname",
        "ipv4" => "IPv4",
        "ipv6" => "IPv6",
        "uri-reference" => "UriReference",
        "iri" => "Iri",
        "iri-reference" => "IriReference",
        "uri-template" => "UriTemplate",
        "json-pointer" => "JsonPointer",
        "relative-json-pointer" => "RelativeJsonPointer",
        "regex" => "Regex",
        _ => null,
    };
}
