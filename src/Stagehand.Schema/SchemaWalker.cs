using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>
/// The one walk over the schemas written inside a schema, without following <c>$ref</c>: the model builder, the
/// analyzers and the CLI all use it, so they agree on which nodes a file has and in which order.
/// </summary>
internal static class SchemaWalker
{
    /// <summary>
    /// <paramref name="node"/> and every schema nested in it, <c>$defs</c> included, in document order: a node, then its
    /// definitions, properties, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, items, additional properties, property names, pattern properties, dependent schemas, prefix items, contains, not, if, then, else, unevaluated properties and unevaluated items,
    /// depth first.
    /// Iterative, so a deeply nested file cannot exhaust the stack.
    /// </summary>
    public static IEnumerable<SchemaNode> DescendantsAndSelf(SchemaNode node)
    {
        var stack = new Stack<SchemaNode>();
        stack.Push(node);
        var children = new List<SchemaNode>();
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            children.Clear();
            children.AddRange(Children(current));
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>The schemas directly inside <paramref name="node"/>, <c>$defs</c> first.</summary>
    public static IEnumerable<SchemaNode> Children(SchemaNode node)
    {
        foreach (var definition in node.Definitions)
        {
            yield return definition.Schema;
        }

        foreach (var child in ValueChildren(node))
        {
            yield return child;
        }
    }

    /// <summary>
    /// <paramref name="node"/> with every schema nested in it rewritten by <paramref name="rewrite"/>, children first (the
    /// same children <see cref="Children"/> lists). Recursive: a schema file nests at most <c>SchemaReader.MaxDepth</c> deep.
    /// </summary>
    public static SchemaNode Rewrite(SchemaNode node, Func<SchemaNode, SchemaNode> rewrite)
    {
        SchemaNode? Child(SchemaNode? child) => child is null ? null : Rewrite(child, rewrite);
        EquatableArray<SchemaNode> Each(EquatableArray<SchemaNode> children) => children.Select(c => Rewrite(c, rewrite)).ToEquatableArray();

        var rewritten = node with
        {
            Definitions = node.Definitions.Select(d => d with { Schema = Rewrite(d.Schema, rewrite) }).ToEquatableArray(),
            Properties = node.Properties.Select(p => p with { Schema = Rewrite(p.Schema, rewrite) }).ToEquatableArray(),
            AllOf = Each(node.AllOf),
            AnyOf = Each(node.AnyOf),
            OneOf = Each(node.OneOf),
            Items = Child(node.Items),
            AdditionalProperties = Child(node.AdditionalProperties),
            PropertyNames = Child(node.PropertyNames),
            PatternProperties = node.PatternProperties.Select(p => p with { Schema = Rewrite(p.Schema, rewrite) }).ToEquatableArray(),
            DependentSchemas = node.DependentSchemas.Select(d => d with { Schema = Rewrite(d.Schema, rewrite) }).ToEquatableArray(),
            PrefixItems = Each(node.PrefixItems),
            Contains = Child(node.Contains),
            Not = Child(node.Not),
            If = Child(node.If),
            Then = Child(node.Then),
            Else = Child(node.Else),
            UnevaluatedProperties = Child(node.UnevaluatedProperties),
            UnevaluatedItems = Child(node.UnevaluatedItems),
        };
        return rewrite(rewritten);
    }

    /// <summary>
    /// The schema files a file's <c>$ref</c>s (and its <c>x-stagehand-mirrors</c> and <c>x-stagehand-requestFor</c>) name
    /// by relative path, resolved against <paramref name="path"/>: the files it cannot be read without.
    /// </summary>
    public static IEnumerable<string> ReferencedFiles(string path, SchemaNode root) =>
        DescendantsAndSelf(root).Select(node => node.Ref)
            .Append(root.Mirrors)
            .Append(root.RequestFor)
            .OfType<string>()
            .Select(reference => SchemaPaths.Resolve(path, reference).File)
            .Where(SchemaPaths.IsSchemaFile);

    /// <summary>The schemas that describe parts of a value of <paramref name="node"/> (no <c>$defs</c>).</summary>
    public static IEnumerable<SchemaNode> ValueChildren(SchemaNode node)
    {
        foreach (var property in node.Properties)
        {
            yield return property.Schema;
        }

        foreach (var branch in node.AllOf)
        {
            yield return branch;
        }

        foreach (var branch in node.AnyOf)
        {
            yield return branch;
        }

        foreach (var branch in node.OneOf)
        {
            yield return branch;
        }

        if (node.Items is not null)
        {
            yield return node.Items;
        }

        if (node.AdditionalProperties is not null)
        {
            yield return node.AdditionalProperties;
        }

        if (node.PropertyNames is not null)
        {
            yield return node.PropertyNames;
        }

        foreach (var pattern in node.PatternProperties)
        {
            yield return pattern.Schema;
        }

        foreach (var dependent in node.DependentSchemas)
        {
            yield return dependent.Schema;
        }

        foreach (var prefix in node.PrefixItems)
        {
            yield return prefix;
        }

        foreach (var child in new[] { node.Contains, node.Not, node.If, node.Then, node.Else, node.UnevaluatedProperties, node.UnevaluatedItems })
        {
            if (child is not null)
            {
                yield return child;
            }
        }
    }
}
