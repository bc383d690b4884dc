namespace Stagehand.Contracts;

/// <summary>The <c>format</c> values the validators assert (JSON Schema draft 2020-12, 2019-09 and 7).</summary>
public enum StringFormat
{
    /// <summary>No format, or one that is only an annotation.</summary>
    None,

    /// <summary>An RFC 4122 UUID in its 8-4-4-4-12 hexadecimal form.</summary>
    Uuid,

    /// <summary>An RFC 3339 date-time, with a time zone.</summary>
    DateTime,

    /// <summary>An RFC 3986 absolute URI.</summary>
    Uri,

    /// <summary>An RFC 3339 <c>full-date</c>: YYYY-MM-DD, a day that exists.</summary>
    Date,

    /// <summary>An RFC 3339 <c>full-time</c>: hh:mm:ss with an optional fraction and a time zone; 23:59:60 UTC is a leap second.</summary>
    Time,

    /// <summary>An RFC 3339 duration (appendix A, the ISO 8601 subset): P3D, PT1H30M, P1Y2M, P2W.</summary>
    Duration,

    /// <summary>An e-mail address: RFC 5321's <c>Mailbox</c> (a dot-string or quoted local part, a host name or an address literal).</summary>
    Email,

    /// <summary>An internationalized e-mail address: RFC 6531's <c>Mailbox</c>, which also allows non-ASCII local parts and U-labels.</summary>
    IdnEmail,

    /// <summary>A host name (RFC 1123 section 2.1); an <c>xn--</c> label must be an IDNA2008 A-label (RFC 5890).</summary>
    Hostname,

    /// <summary>An internationalized host name (RFC 5890 section 2.3.2.3): labels that are LDH, A-labels or U-labels (RFC 5891, 5892, 5893).</summary>
    IdnHostname,

    /// <summary>An IPv4 address in the dotted-quad form of RFC 2673 section 3.2, without leading zeros.</summary>
    IPv4,

    /// <summary>An IPv6 address in the text form of RFC 4291 section 2.2.</summary>
    IPv6,

    /// <summary>An RFC 3986 URI reference: a URI or a relative reference.</summary>
    UriReference,

    /// <summary>An RFC 3987 absolute IRI.</summary>
    Iri,

    /// <summary>An RFC 3987 IRI reference: an IRI or a relative reference.</summary>
    IriReference,

    /// <summary>An RFC 6570 URI template, of any level.</summary>
    UriTemplate,

    /// <summary>An RFC 6901 JSON Pointer.</summary>
    JsonPointer,

    /// <summary>A relative JSON Pointer (draft-bhutton-relative-json-pointer-00).</summary>
    RelativeJsonPointer,

    /// <summary>An ECMA-262 regular expression.</summary>
    Regex,
}
