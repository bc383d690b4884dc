using System.Collections.Generic;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>Enumerates the schemas written inside a schema, without following <c>$ref</c>.</summary>
internal static class SchemaWalker
{
    /// <summary><paramref name="node"/> and every schema nested in it, depth first, <c>$defs</c> included.</summary>
    public static IEnumerable<SchemaNode> DescendantsAndSelf(SchemaNode node)
    {
        var stack = new Stack<SchemaNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in Children(current))
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The schemas directly inside <paramref name="node"/>, <c>$defs</c> included.</summary>
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

    /// <summary>The schemas that describe parts of a value of <paramref name="node"/> (no <c>$defs</c>).</summary>
    public static IEnumerable<SchemaNode> ValueChildren(SchemaNode node)
    {
        foreach (var property in node.Properties)
        {
            yield return property.Schema;
        }

        if (node.Items is not null)
        {
            yield return node.Items;
        }

        if (node.AdditionalProperties is not null)
        {
            yield return node.AdditionalProperties;
        }

        foreach (var branch in node.AnyOf)
        {
            yield return branch;
        }

        foreach (var branch in node.OneOf)
        {
            yield return branch;
        }

        foreach (var branch in node.AllOf)
        {
            yield return branch;
        }
    }
}
