using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>The pass that keeps only the readers something calls.</summary>
internal sealed partial class ContractModelBuilder
{
    /// <summary>
    /// Drops the readers no entry point reaches: an entry point is a file's root reader and the reader of every type;
    /// from them, every reader a reader calls, in any file. What is left out (the <c>null</c> branch of a nullable
    /// <c>anyOf</c>, whose wrapper checks null itself; a <c>then</c> without an <c>if</c>) would be dead code.
    /// </summary>
    private void KeepReachableReaders(Dictionary<string, (List<TypeSpec> Types, List<NodeSpec> Nodes)> built)
    {
        var byMethod = new Dictionary<(string Class, string Method), NodeSpec>();
        var owners = new Dictionary<NodeSpec, string>(ReferenceComparer.Instance);
        foreach (var file in built)
        {
            var owner = ReaderClassOf(_documents[file.Key]);
            foreach (var node in file.Value.Nodes)
            {
                byMethod[(owner, node.Method)] = node;
                owners[node] = owner;
            }
        }

        var reached = new HashSet<NodeSpec>(ReferenceComparer.Instance);
        var pending = new Stack<NodeSpec>();
        foreach (var node in built.Values.SelectMany(parts => parts.Nodes).Where(n => n.Method == RootReader || n.OwnType is not null))
        {
            if (reached.Add(node))
            {
                pending.Push(node);
            }
        }

        while (pending.Count > 0)
        {
            var caller = pending.Pop();
            foreach (var call in Calls(caller))
            {
                // A reader of the same file is named without its class.
                var target = call.Target.Length == 0 ? owners[caller] : call.Target;
                if (byMethod.TryGetValue((target, call.Method), out var callee) && reached.Add(callee))
                {
                    pending.Push(callee);
                }
            }
        }

        foreach (var parts in built.Values)
        {
            parts.Nodes.RemoveAll(node => !reached.Contains(node));
        }
    }

    /// <summary>Every reader <paramref name="node"/>'s reader may call.</summary>
    private static IEnumerable<MethodRef> Calls(NodeSpec node)
    {
        var single = new[]
        {
            node.Ref, node.Wrapped, node.Items, node.AdditionalProperties, node.PropertyNames?.Reader, node.Contains,
            node.Not, node.If, node.Then, node.Else, node.UnevaluatedProperties, node.UnevaluatedItems, node.DynamicRef?.Static,
        };
        return single.Where(call => call is not null).Select(call => call!)
            .Concat(node.Members.Where(m => m.Reader is not null).Select(m => m.Reader!))
            .Concat(node.PrefixItems)
            .Concat(node.PatternProperties.Select(p => p.Reader))
            .Concat(node.DependentSchemas.Select(d => d.Reader))
            .Concat(node.AllOf).Concat(node.AnyOf).Concat(node.OneOf)
            .Concat(node.Cases.Select(c => c.Reader))
            .Concat(node.DynamicRef?.Targets.Select(t => t.Reader) ?? Enumerable.Empty<MethodRef>());
    }

    /// <summary>Identity, not value equality: two nodes of different files may be equal values.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<NodeSpec>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(NodeSpec? x, NodeSpec? y) => ReferenceEquals(x, y);

        public int GetHashCode(NodeSpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
