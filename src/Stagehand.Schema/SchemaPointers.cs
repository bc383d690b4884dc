using System;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>Follows the JSON Pointer fragment of a <c>$ref</c> inside one parsed schema.</summary>
internal static class SchemaPointers
{
    /// <summary>
    /// The schema at <paramref name="fragment"/> below <paramref name="root"/> (<c>""</c>, <c>/$defs/Name</c>,
    /// <c>/properties/x/items</c>, <c>/prefixItems/0</c>, ...), or null when no schema is there. Every node knows its own
    /// pointer, so the fragment is matched against the pointers of the nodes below <paramref name="root"/>: whatever
    /// keyword holds a schema, the walk knows it.
    /// </summary>
    public static SchemaNode? Find(SchemaNode root, string fragment)
    {
        if (fragment.Length == 0)
        {
            return root;
        }

        if (!fragment.StartsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        var pointer = root.Pointer + fragment;
        return SchemaWalker.DescendantsAndSelf(root).FirstOrDefault(node => string.Equals(node.Pointer, pointer, StringComparison.Ordinal));
    }
}
