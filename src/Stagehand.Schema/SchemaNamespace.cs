using System.Linq;

namespace Stagehand.Schema;

/// <summary>
/// The C# namespace of a schema file's types: its <c>StagehandNamespace</c> item metadata, else the project's
/// <c>RootNamespace</c>, else <see cref="Fallback"/>. Shared by everything that reads schema files from a build.
/// </summary>
internal static class SchemaNamespace
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.StagehandNamespace";
    public const string RootNamespaceKey = "build_property.RootNamespace";
    public const string Fallback = "Stagehand.Contracts.Generated";

    /// <summary>Chooses the namespace; <paramref name="problem"/> says why stated metadata was not used.</summary>
    public static string Resolve(string? metadata, string? rootNamespace, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrWhiteSpace(metadata))
        {
            var stated = metadata!.Trim();
            if (IsValid(stated))
            {
                return stated;
            }

            problem = $"The StagehandNamespace metadata '{stated}' is not a valid C# namespace.";
            return Fallback;
        }

        if (rootNamespace is not null && IsValid(rootNamespace.Trim()))
        {
            return rootNamespace.Trim();
        }

        return Fallback;
    }

    public static bool IsValid(string name) => name.Length > 0 && name.Split('.').All(Identifiers.IsValid);
}
