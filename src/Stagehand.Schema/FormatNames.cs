namespace Stagehand.Schema;

/// <summary>
/// The <c>format</c> values the runtime can assert, each with the <c>Stagehand.Contracts.StringFormat</c> member that
/// checks it. A format not listed here is an annotation even where formats assert.
/// </summary>
internal static class FormatNames
{
    /// <summary>The <c>StringFormat</c> member that asserts <paramref name="format"/>, or null when the runtime does not know it.</summary>
    public static string? RuntimeName(string format) => format switch
    {
        "uuid" => "Uuid",
        "date-time" => "DateTime",
        "uri" => "Uri",
        _ => null,
    };
}
