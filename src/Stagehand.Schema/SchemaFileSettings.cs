using System;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>
/// How one schema file of a build is read: the C# namespace of its types (its <c>StagehandNamespace</c> item metadata,
/// else the project's <c>RootNamespace</c>, else <see cref="FallbackNamespace"/>), its mode (<c>StagehandSchemaMode</c>),
/// and the visibility of a root that states none (the <c>StagehandDefaultVisibility</c> property, else public).
/// The generator, the analyzers and the CLI all decide it here.
/// </summary>
/// <param name="DefaultDialect">The <c>$schema</c> a file that names none is read with (the <c>StagehandDefaultDialect</c> property, else 2020-12).</param>
/// <param name="OpenApiNullable">Read OpenAPI 3.0's <c>"nullable": true</c> as "or null" (the <c>StagehandOpenApiNullable</c> property or item metadata).</param>
/// <param name="FormatAssertion">Assert <c>format</c> (the <c>StagehandFormatAssertion</c> property or item metadata); otherwise it is an annotation, as draft 2020-12 says.</param>
/// <param name="SchemaUri">The absolute URI the file is known by when it has no <c>$id</c> (its <c>StagehandSchemaUri</c> metadata); else its path is.</param>
internal sealed record SchemaFileSettings(string Namespace, SchemaMode Mode, string? Problem, SchemaVisibility DefaultVisibility = SchemaVisibility.Public, string? DefaultDialect = null, bool OpenApiNullable = false, bool FormatAssertion = false, string? SchemaUri = null)
{
    public const string SchemaUriMetadata = "build_metadata.AdditionalFiles.StagehandSchemaUri";

    public const string FormatAssertionProperty = "build_property.StagehandFormatAssertion";
    public const string FormatAssertionMetadata = "build_metadata.AdditionalFiles.StagehandFormatAssertion";

    public const string OpenApiNullableProperty = "build_property.StagehandOpenApiNullable";
    public const string OpenApiNullableMetadata = "build_metadata.AdditionalFiles.StagehandOpenApiNullable";

    public const string DefaultDialectProperty = "build_property.StagehandDefaultDialect";

    public const string DefaultVisibilityProperty = "build_property.StagehandDefaultVisibility";

    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.StagehandNamespace";
    public const string ModeMetadata = "build_metadata.AdditionalFiles.StagehandSchemaMode";
    public const string RootNamespaceProperty = "build_property.RootNamespace";
    public const string FallbackNamespace = "Stagehand.Contracts.Generated";

    /// <summary>
    /// The settings of one schema file from what the build passes the compiler: the file's item metadata and the
    /// project's properties. The generator and the analyzers both read them here.
    /// </summary>
    public static SchemaFileSettings FromOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions project, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions file)
    {
        file.TryGetValue(NamespaceMetadata, out var @namespace);
        file.TryGetValue(ModeMetadata, out var mode);
        project.TryGetValue(RootNamespaceProperty, out var rootNamespace);
        project.TryGetValue(DefaultVisibilityProperty, out var defaultVisibility);
        project.TryGetValue(DefaultDialectProperty, out var defaultDialect);
        if (!file.TryGetValue(OpenApiNullableMetadata, out var openApiNullable) || string.IsNullOrEmpty(openApiNullable))
        {
            project.TryGetValue(OpenApiNullableProperty, out openApiNullable);
        }

        if (!file.TryGetValue(FormatAssertionMetadata, out var formatAssertion) || string.IsNullOrEmpty(formatAssertion))
        {
            project.TryGetValue(FormatAssertionProperty, out formatAssertion);
        }

        file.TryGetValue(SchemaUriMetadata, out var schemaUri);
        var settings = Resolve(@namespace, mode, rootNamespace, defaultVisibility, defaultDialect, openApiNullable, formatAssertion);
        if (string.IsNullOrWhiteSpace(schemaUri))
        {
            return settings;
        }

        return UriReferences.IsAbsolute(schemaUri!.Trim())
            ? settings with { SchemaUri = schemaUri.Trim() }
            : settings with { Problem = $"The StagehandSchemaUri metadata '{schemaUri}' must be an absolute URI (such as https://example.com/schemas/pet.json)." };
    }

    /// <summary>Decides the settings; <see cref="Problem"/> says why stated metadata could not be used.</summary>
    public static SchemaFileSettings Resolve(string? namespaceMetadata, string? modeMetadata, string? rootNamespace, string? defaultVisibility = null, string? defaultDialect = null, string? openApiNullable = null, string? formatAssertion = null)
    {
        string? problem = null;
        var @namespace = RootNamespaceOrFallback(rootNamespace);
        if (!string.IsNullOrWhiteSpace(namespaceMetadata))
        {
            var stated = namespaceMetadata!.Trim();
            if (IsValidNamespace(stated))
            {
                @namespace = stated;
            }
            else
            {
                problem = $"The StagehandNamespace metadata '{stated}' is not a valid C# namespace.";
                @namespace = FallbackNamespace;
            }
        }

        var mode = SchemaMode.Contract;
        switch (modeMetadata?.Trim().ToLowerInvariant())
        {
            case null or "" or "contract":
                break;
            case "validator":
                mode = SchemaMode.Validator;
                break;
            default:
                problem = $"The StagehandSchemaMode metadata '{modeMetadata}' must be 'contract' or 'validator'.";
                break;
        }

        var visibility = SchemaVisibility.Public;
        switch (defaultVisibility?.Trim().ToLowerInvariant())
        {
            case null or "" or "public":
                break;
            case "internal":
                visibility = SchemaVisibility.Internal;
                break;
            default:
                problem = $"The StagehandDefaultVisibility property '{defaultVisibility}' must be 'public' or 'internal'.";
                break;
        }

        string? dialect = null;
        if (!string.IsNullOrWhiteSpace(defaultDialect))
        {
            dialect = SchemaReader.DialectOf(defaultDialect!.Trim() switch
            {
                "2020-12" or "draft2020-12" => SchemaReader.Draft202012,
                "2019-09" or "draft2019-09" => SchemaReader.Draft201909,
                "7" or "draft7" or "draft-07" => SchemaReader.Draft7,
                var uri => uri,
            });
            if (dialect is null)
            {
                problem = $"The StagehandDefaultDialect property '{defaultDialect}' must be 2020-12, 2019-09 or 7 (or one of their $schema URIs).";
            }
        }

        var nullable = Switch("StagehandOpenApiNullable", openApiNullable, ref problem);
        var asserts = Switch("StagehandFormatAssertion", formatAssertion, ref problem);
        return new SchemaFileSettings(@namespace, mode, problem, visibility, dialect, nullable, asserts);
    }

    /// <summary>An on/off setting: empty is off; anything but true or false is a problem.</summary>
    private static bool Switch(string name, string? value, ref string? problem)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "false":
                return false;
            case "true":
                return true;
            default:
                problem = $"{name} '{value}' must be 'true' or 'false'.";
                return false;
        }
    }

    /// <summary>The project's root namespace when it is a valid namespace, else <see cref="FallbackNamespace"/>.</summary>
    public static string RootNamespaceOrFallback(string? rootNamespace) =>
        rootNamespace is not null && IsValidNamespace(rootNamespace.Trim()) ? rootNamespace.Trim() : FallbackNamespace;

    public static bool IsValidNamespace(string name) => name.Length > 0 && name.Split('.').All(Identifiers.IsValid);
}
