using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>
/// The vocabularies of a custom meta-schema: a file whose <c>$schema</c> names a meta-schema of the build (by its
/// <c>$id</c>) uses the keywords of the vocabularies that meta-schema's <c>$vocabulary</c> lists, and no others. A
/// keyword of a vocabulary left out is an annotation there. A required vocabulary the generator does not know is an
/// error (the file cannot be read as its author meant); an optional one is ignored, as the specification says.
/// </summary>
internal static class Vocabularies
{
    private static readonly string[] Dialects = ["https://json-schema.org/draft/2020-12/vocab/", "https://json-schema.org/draft/2019-09/vocab/"];

    /// <summary>The vocabularies the generator implements, by their last URI segment (the same in both drafts, but 2019-09's <c>format</c>).</summary>
    private static readonly string[] Known = ["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "format-assertion", "format", "content"];

    /// <summary>
    /// <paramref name="document"/> as its meta-schema's vocabularies read it: unchanged when its <c>$schema</c> is a dialect
    /// the reader knows, or a meta-schema that lists no vocabularies.
    /// </summary>
    public static SchemaDocument Apply(SchemaDocument document, SchemaResources resources, List<SchemaProblem> problems)
    {
        var root = document.Root;
        if (root?.MetaSchema is null)
        {
            return document;
        }

        var location = root.MetaSchemaLocation ?? root.Location;
        var metaSchema = resources.Find(resources.Absolute(document, root, root.MetaSchema));
        if (metaSchema is null)
        {
            problems.Add(new SchemaProblem(
                "$schema",
                $"The meta-schema '{root.MetaSchema}' is not among the schema files of the build, so its vocabularies are not known: the file is read as a {DialectName(document.Dialect)} schema. Add the meta-schema to the project to have its vocabularies apply.",
                location,
                IsNote: true));
            return document;
        }

        var vocabulary = metaSchema.Value.Node.Vocabulary;
        if (vocabulary.IsEmpty)
        {
            return document;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in vocabulary)
        {
            var name = NameOf(entry.Uri);
            if (name is not null)
            {
                used.Add(name);
            }
            else if (entry.Required)
            {
                problems.Add(new SchemaProblem(
                    "$schema",
                    $"The meta-schema '{root.MetaSchema}' requires the vocabulary '{entry.Uri}', which the generator does not implement, so this file cannot be validated as it means. Mark the vocabulary optional (false) in the meta-schema's $vocabulary if its keywords may be ignored.",
                    location));
            }
        }

        var separateUnevaluated = vocabulary.Any(entry => entry.Uri.StartsWith(Dialects[0], StringComparison.Ordinal));
        var rewritten = SchemaWalker.Rewrite(root, node => Keep(node, used, separateUnevaluated));
        if (used.Contains("format-assertion"))
        {
            rewritten = rewritten with { FormatAssertion = true };
        }

        return document with { Root = rewritten };
    }

    /// <summary>The known vocabulary a URI names (its last segment), or null.</summary>
    private static string? NameOf(string uri)
    {
        foreach (var dialect in Dialects)
        {
            if (uri.StartsWith(dialect, StringComparison.Ordinal) && Array.IndexOf(Known, uri.Substring(dialect.Length)) >= 0)
            {
                return uri.Substring(dialect.Length);
            }
        }

        return null;
    }

    /// <summary><paramref name="node"/> without the keywords of the vocabularies not in <paramref name="used"/>.</summary>
    /// <param name="separateUnevaluated">Whether the unevaluated keywords are a vocabulary of their own (2020-12; in 2019-09 they belong to the applicator one).</param>
    private static SchemaNode Keep(SchemaNode node, HashSet<string> used, bool separateUnevaluated)
    {
        if (!used.Contains("validation"))
        {
            node = node with
            {
                Types = JsonTypes.None,
                Enum = EquatableArray<JsonLiteral>.Empty,
                EmptyEnum = false,
                Const = null,
                MultipleOf = null,
                Maximum = null,
                ExclusiveMaximum = null,
                Minimum = null,
                ExclusiveMinimum = null,
                MaxLength = null,
                MinLength = null,
                Pattern = null,
                MaxItems = null,
                MinItems = null,
                UniqueItems = false,
                MaxContains = null,
                MinContains = null,
                MaxProperties = null,
                MinProperties = null,
                Required = EquatableArray<string>.Empty,
                DependentRequired = EquatableArray<DependentRequirement>.Empty,
            };
        }

        if (!used.Contains("applicator"))
        {
            node = node with
            {
                AllOf = EquatableArray<SchemaNode>.Empty,
                AnyOf = EquatableArray<SchemaNode>.Empty,
                OneOf = EquatableArray<SchemaNode>.Empty,
                Not = null,
                If = null,
                Then = null,
                Else = null,
                DependentSchemas = EquatableArray<DefinitionNode>.Empty,
                PrefixItems = EquatableArray<SchemaNode>.Empty,
                Items = null,
                Contains = null,
                Properties = EquatableArray<PropertyNode>.Empty,
                PatternProperties = EquatableArray<PatternPropertyNode>.Empty,
                AdditionalProperties = null,
                PropertyNames = null,
            };
        }

        if (separateUnevaluated ? !used.Contains("unevaluated") : !used.Contains("applicator"))
        {
            node = node with { UnevaluatedItems = null, UnevaluatedProperties = null };
        }

        return node;
    }

    private static string DialectName(string dialect) =>
        dialect == SchemaReader.Draft201909 ? "draft 2019-09" : dialect == SchemaReader.Draft7 ? "draft 7" : "draft 2020-12";
}
