using System.Linq;

namespace Stagehand.Schema;

/// <summary>Which types' in-memory <c>Validate()</c> must also check the value as written on the wire.</summary>
internal sealed partial class ContractModelBuilder
{
    /// <summary>
    /// Whether some schema of the type formed at <paramref name="node"/> (the node and what it holds, down to the
    /// nodes that form types of their own, which check themselves) asks what <c>Validate()</c> cannot check on the C#
    /// value (see <see cref="CheckedInMemory"/>).
    /// </summary>
    private bool NeedsWireCheck(SchemaDocument document, SchemaNode node)
    {
        var pending = new System.Collections.Generic.Stack<SchemaNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!CheckedInMemory(document, current))
            {
                return true;
            }

            foreach (var child in SchemaWalker.ValueChildren(current))
            {
                if (!_types.ContainsKey((document.Path, child.Pointer)))
                {
                    pending.Push(child);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the C# value's checks cover every keyword of <paramref name="node"/>: its type, members, items, enum,
    /// bounds, lengths, pattern, the formats with a C# type (uuid, date-time, uri), unions and references. Anything
    /// else (conditions, dependencies, counts of members, pattern members, items by position, contains, uniqueness,
    /// unevaluated members, dynamic references, member names, several allOf branches or several JSON types in one
    /// JSON value, other asserted formats) is checked on the wire.
    /// </summary>
    private static bool CheckedInMemory(SchemaDocument document, SchemaNode node)
    {
        var types = node.Types & ~JsonTypes.Null;
        var severalTypes = types != JsonTypes.None && types != JsonTypes.Integer && (types & (types - 1)) != 0
            && types != (JsonTypes.Integer | JsonTypes.Number);
        var format = document.AssertedFormat(node);
        return node.Not is null && node.If is null && node.DependentRequired.IsEmpty && node.DependentSchemas.IsEmpty
            && node.MinProperties is null && node.MaxProperties is null && node.PatternProperties.IsEmpty && node.PrefixItems.IsEmpty
            && node.Contains is null && !node.UniqueItems && node.UnevaluatedProperties is null && node.UnevaluatedItems is null
            && node.DynamicRef is null && node.PropertyNames is null or { BooleanValue: true } && node.AllOf.Count <= 1 && !severalTypes
            && (format is null || format is "uuid" or "date-time" or "uri");
    }
}
