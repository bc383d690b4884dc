using System.Globalization;

namespace Stagehand.Generators;

/// <summary>The namespaces generated code names in full, and how it writes numbers.</summary>
internal static class GeneratedNames
{
    public const string Runtime = "global::Stagehand.Contracts.";
    public const string Json = "global::System.Text.Json.";
    public const string Metadata = "global::System.Text.Json.Serialization.Metadata.";

    /// <summary>An integer as C# source text, whatever the culture.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
