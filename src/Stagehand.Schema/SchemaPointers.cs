using System;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>Follows the JSON Pointer fragment of a <c>$ref</c> inside one parsed schema.</summary>
internal static class SchemaPointers
{
    /// <summary>The schema at <paramref name="fragment"/> (<c>""</c>, <c>/$defs/Name</c>, <c>/properties/x/items</c>, ...), or null.</summary>
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

        var segments = fragment.Substring(1).Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
        var current = root;
        for (var i = 0; i < segments.Length && current is not null; i++)
        {
            var segment = segments[i];
            var next = i + 1 < segments.Length ? segments[i + 1] : null;
            switch (segment)
            {
                case "$defs" or "definitions" when next is not null:
                    current = current.Definitions.FirstOrDefault(d => d.Keyword == segment && d.Name == next)?.Schema;
                    i++;
                    break;
                case "properties" when next is not null:
                    current = current.Properties.FirstOrDefault(p => p.Name == next)?.Schema;
                    i++;
                    break;
                case "items":
                    current = current.Items;
                    break;
                case "additionalProperties":
                    current = current.AdditionalProperties;
                    break;
                case "propertyNames":
                    current = current.PropertyNames;
                    break;
                case "anyOf" or "oneOf" or "allOf" when next is not null && int.TryParse(next, out var index):
                    var list = segment == "anyOf" ? current.AnyOf : segment == "oneOf" ? current.OneOf : current.AllOf;
                    current = index >= 0 && index < list.Count ? list[index] : null;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}
