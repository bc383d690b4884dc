using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>
/// The one rule for the member that tells a union's object cases apart when no keyword names it: the first member the
/// first case requires that every (non-null) case requires with a string <c>const</c> (or one-value <c>enum</c>) of its
/// own, different in each (JSON-RPC's <c>method</c>, a <c>type</c> tag). The generator dispatches and names cases by it;
/// the evolution facts key cases by it.
/// </summary>
internal static class UnionDiscriminators
{
    /// <summary>Follows a schema's <c>$ref</c>s to the schema they lead to (null when they lead nowhere).</summary>
    public delegate (SchemaDocument? Document, SchemaNode? Node) Dereference(SchemaDocument document, SchemaNode node);

    /// <summary>The union's discriminator: its <c>x-stagehand-discriminator</c> (or OpenAPI's), else the one found by the rule, else null.</summary>
    public static string? Find(SchemaDocument document, SchemaNode union, Dereference dereference)
    {
        if (union.Discriminator is not null || !union.IsUnion)
        {
            return union.Discriminator;
        }

        var branches = union.Branches.Where(b => !b.IsNull).ToList();
        var first = branches.Count >= 2 ? dereference(document, branches[0]).Node : null;
        foreach (var candidate in first?.Required ?? EquatableArray<string>.Empty)
        {
            var values = branches.Select(b => ValueOf(document, b, candidate, dereference)).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The string a case requires for <paramref name="discriminator"/>: a <c>const</c>, or the one value of an <c>enum</c>.</summary>
    public static string? ValueOf(SchemaDocument document, SchemaNode branch, string discriminator, Dereference dereference)
    {
        var (targetDocument, target) = dereference(document, branch);
        if (target is null || !target.Required.Contains(discriminator))
        {
            return null;
        }

        var property = target.Properties.FirstOrDefault(p => p.Name == discriminator);
        if (property is null)
        {
            return null;
        }

        var (_, constant) = dereference(targetDocument!, property.Schema);
        return constant?.Const is { Kind: JsonTypes.String } literal ? literal.Text
            : constant?.Enum is { Count: 1 } single && single[0].Kind == JsonTypes.String ? single[0].Text
            : null;
    }
}
