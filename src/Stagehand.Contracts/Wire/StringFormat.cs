namespace Stagehand.Contracts;

/// <summary>The <c>format</c> values the validators assert.</summary>
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
}
