using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Contracts;

/// <summary>Every contract of an assembly by name, for tools that pick a contract at run time (the CLI's <c>validate</c>).</summary>
public sealed class ContractRegistry
{
    private readonly Dictionary<string, ContractDescriptor> _byName;
    private readonly Dictionary<string, string> _aliases;

    /// <summary>Creates a registry of <paramref name="contracts"/>; <paramref name="aliases"/> maps other names (such as the Stagehand server's own name for a resource) to contract names.</summary>
    public ContractRegistry(IEnumerable<ContractDescriptor> contracts, IReadOnlyDictionary<string, string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        All = contracts.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        _byName = new Dictionary<string, ContractDescriptor>(StringComparer.Ordinal);
        foreach (var contract in All)
        {
            if (!_byName.TryAdd(contract.Name, contract))
            {
                throw new ArgumentException($"Two contracts are named '{contract.Name}'.", nameof(contracts));
            }
        }

        _aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alias in aliases ?? new Dictionary<string, string>())
        {
            if (!_byName.ContainsKey(alias.Value))
            {
                throw new ArgumentException($"The alias '{alias.Key}' names '{alias.Value}', which is not a contract.", nameof(aliases));
            }

            _aliases[alias.Key] = alias.Value;
        }
    }

    /// <summary>Every contract, by name.</summary>
    public IReadOnlyList<ContractDescriptor> All { get; }

    /// <summary>Finds a contract by its name or an alias (exact case).</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContractDescriptor? contract)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_aliases.TryGetValue(name, out var target))
        {
            name = target;
        }

        return _byName.TryGetValue(name, out contract);
    }

    /// <summary>The contract names closest to <paramref name="name"/>, closest first, for "did you mean" messages.</summary>
    public IReadOnlyList<string> Nearest(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.Keys.Concat(_aliases.Keys)
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.Candidate)
            .ToArray();
    }

    private static int Distance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
