using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>References that loop back to themselves without reading any part of the value.</summary>
internal sealed partial class ContractModelBuilder
{
    /// <summary>
    /// Reports every loop of schemas applied in place (<c>$ref</c>, <c>$dynamicRef</c>, <c>allOf</c>, <c>anyOf</c>,
    /// <c>oneOf</c>, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c>) that never steps into a
    /// member or an item: evaluating it would never end. A loop through <c>properties</c> or <c>items</c> is a recursive
    /// schema, and fine. Each loop is reported once, at a <c>$ref</c> on it.
    /// </summary>
    private void ReportReferenceLoops()
    {
        var state = new Dictionary<(string, string), int>();
        foreach (var document in _documents.Values.Where(d => d.Root is not null).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            foreach (var node in SchemaWalker.DescendantsAndSelf(document.Root!))
            {
                if (node.Ref is not null || node.DynamicRef is not null)
                {
                    FindLoopFrom(new SchemaLocation(document, node), state);
                }
            }
        }
    }

    /// <summary>A depth-first search of in-place applications from <paramref name="start"/> (0: unseen, 1: on the path, 2: done).</summary>
    private void FindLoopFrom(SchemaLocation start, Dictionary<(string, string), int> state)
    {
        var key = (start.Document.Path, start.Node.Pointer);
        if (state.TryGetValue(key, out var seen) && seen != 0)
        {
            return;
        }

        var path = new List<SchemaLocation>();
        var stack = new Stack<(SchemaLocation Location, IEnumerator<SchemaLocation> Next)>();
        state[key] = 1;
        path.Add(start);
        stack.Push((start, InPlaceSubschemas(start.Document, start.Node, dynamicTargets: false).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (current, next) = stack.Peek();
            if (!next.MoveNext())
            {
                state[(current.Document.Path, current.Node.Pointer)] = 2;
                path.RemoveAt(path.Count - 1);
                stack.Pop();
                continue;
            }

            var child = next.Current;
            var childKey = (child.Document.Path, child.Node.Pointer);
            state.TryGetValue(childKey, out var childState);
            if (childState == 1)
            {
                ReportLoop(path.SkipWhile(l => (l.Document.Path, l.Node.Pointer) != childKey).ToList());
            }
            else if (childState == 0)
            {
                state[childKey] = 1;
                path.Add(child);
                stack.Push((child, InPlaceSubschemas(child.Document, child.Node, dynamicTargets: false).GetEnumerator()));
            }
        }
    }

    /// <summary>The nodes on a loop <see cref="ReportReferenceLoops"/> reported, by file and pointer.</summary>
    private readonly HashSet<(string Path, string Pointer)> _inPlaceLoops = new();

    private void ReportLoop(List<SchemaLocation> loop)
    {
        foreach (var location in loop)
        {
            _inPlaceLoops.Add((location.Document.Path, location.Node.Pointer));
        }


        var at = loop.FirstOrDefault(l => l.Node.Ref is not null || l.Node.DynamicRef is not null);
        if (at.Node is null)
        {
            return;
        }

        var reference = at.Node.Ref ?? at.Node.DynamicRef!;
        var steps = string.Join(" → ", loop.Select(l => "#" + l.Node.Pointer).Append("#" + loop[0].Node.Pointer));
        Report(
            at.Document.Path,
            at.Node.Ref is not null ? "$ref" : "$dynamicRef",
            $"The reference '{reference}' loops back without reading any member or item of the value ({steps}), so validating it would never end. A schema may refer to itself only below 'properties', 'items' or another keyword that steps into the value.",
            (at.Node.Ref is not null ? at.Node.RefLocation : at.Node.DynamicRefLocation) ?? at.Node.Location);
    }

    /// <summary>The nodes whose C# shape would contain itself (see <see cref="IsOnShapeLoop"/>); built on first use.</summary>
    private HashSet<(string Path, string Pointer)>? _shapeLoops;

    /// <summary>
    /// Whether the C# shape of <paramref name="node"/> would contain itself without a named type in between: an array of
    /// arrays of itself (<c>{"$defs": {"a": {"type": "array", "items": {"$ref": "#/$defs/a"}}}}</c>), a map of maps of
    /// itself, a tuple that holds itself. Such a schema is valid, but no C# type spells it: every node on the loop is
    /// JSON (<c>JsonAny</c>), still validated by its reader, whichever node shape resolution starts from.
    /// </summary>
    private bool IsOnShapeLoop(SchemaDocument document, SchemaNode node)
    {
        _shapeLoops ??= FindShapeLoops();
        return _shapeLoops.Contains((document.Path, node.Pointer));
    }

    /// <summary>
    /// The nodes of every strongly connected component of the "shape is made of" graph (<see cref="ShapeSteps"/>) that
    /// holds a loop: Tarjan's algorithm, iterative, so that a long chain of references cannot exhaust the stack.
    /// </summary>
    private HashSet<(string Path, string Pointer)> FindShapeLoops()
    {
        var loops = new HashSet<(string, string)>();
        var index = new Dictionary<(string, string), int>();
        var lowLink = new Dictionary<(string, string), int>();
        var component = new Stack<(string, string)>();
        var onComponent = new HashSet<(string, string)>();
        var next = 0;
        foreach (var candidate in _documents.Values.Where(d => d.Root is not null && d.Mode == SchemaMode.Contract).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            foreach (var root in SchemaWalker.DescendantsAndSelf(candidate.Root!))
            {
                var rootKey = (candidate.Path, root.Pointer);
                if (index.ContainsKey(rootKey))
                {
                    continue;
                }

                var work = new Stack<((string, string) Key, IEnumerator<SchemaLocation> Steps)>();
                void Visit(SchemaLocation at)
                {
                    var key = (at.Document.Path, at.Node.Pointer);
                    index[key] = lowLink[key] = next++;
                    component.Push(key);
                    onComponent.Add(key);
                    work.Push((key, ShapeSteps(at.Document, at.Node).GetEnumerator()));
                }

                Visit(new SchemaLocation(candidate, root));
                while (work.Count > 0)
                {
                    var (key, steps) = work.Peek();
                    if (steps.MoveNext())
                    {
                        var step = steps.Current;
                        var stepKey = (step.Document.Path, step.Node.Pointer);
                        if (!index.ContainsKey(stepKey))
                        {
                            Visit(step);
                        }
                        else if (onComponent.Contains(stepKey))
                        {
                            lowLink[key] = Math.Min(lowLink[key], index[stepKey]);
                            if (stepKey == key)
                            {
                                loops.Add(key);
                            }
                        }

                        continue;
                    }

                    work.Pop();
                    if (work.Count > 0)
                    {
                        var parent = work.Peek().Key;
                        lowLink[parent] = Math.Min(lowLink[parent], lowLink[key]);
                    }

                    if (lowLink[key] != index[key])
                    {
                        continue;
                    }

                    var members = new List<(string, string)>();
                    (string, string) member;
                    do
                    {
                        member = component.Pop();
                        onComponent.Remove(member);
                        members.Add(member);
                    }
                    while (member != key);

                    if (members.Count > 1)
                    {
                        loops.UnionWith(members);
                    }
                }
            }
        }

        return loops;
    }

    /// <summary>The nodes whose shapes <paramref name="node"/>'s shape is made of, as <c>Resolve</c> follows them.</summary>
    private IEnumerable<SchemaLocation> ShapeSteps(SchemaDocument document, SchemaNode node)
    {
        if (node.Ref is not null)
        {
            if (FindReference(document, node, report: false) is { } target)
            {
                yield return new SchemaLocation(target.Document, target.Node);
            }

            yield break;
        }

        if (_types.ContainsKey((document.Path, node.Pointer)) || node.BooleanValue is not null)
        {
            yield break;
        }

        if (node.IsUnion)
        {
            if (node.Branches.FirstOrDefault(b => !IsNullSchema(b)) is { } first)
            {
                yield return new SchemaLocation(document, first);
            }

            yield break;
        }

        if (node.AllOf.Count == 1 && node.Types == JsonTypes.None)
        {
            yield return new SchemaLocation(document, node.AllOf[0]);
            yield break;
        }

        var types = node.Types & ~JsonTypes.Null;
        if (node.AllOf.Count > 1)
        {
            yield break;
        }

        if (types == JsonTypes.Array && !node.PrefixItems.IsEmpty)
        {
            // A tuple is made of every item it holds by position.
            foreach (var item in node.PrefixItems)
            {
                yield return new SchemaLocation(document, item);
            }
        }
        else if (types == JsonTypes.Array && node.Items is not null)
        {
            yield return new SchemaLocation(document, node.Items);
        }
        else if (types == JsonTypes.Object && node.Properties.IsEmpty && node.PatternProperties.IsEmpty && node.HasAdditionalPropertiesSchema)
        {
            yield return new SchemaLocation(document, node.AdditionalProperties!);
        }
    }
}
