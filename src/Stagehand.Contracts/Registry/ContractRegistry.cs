using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Contracts;

/// <summary>
/// Every contract of an assembly by name, for tools that pick a contract at run time (the CLI's <c>validate</c>). A
/// contract is found by its name (<c>ActRequest</c>), by its full C# name (<c>Stagehand.Contracts.V3.ActRequest</c>),
/// or by an alias; a name two contracts share (in different namespaces) finds neither, and their full names do.
/// </summary>
public sealed class ContractRegistry
{
    private readonly Dictionary<string, ContractDescriptor> _byName;
    private readonly Dictionary<string, ContractDescriptor> _byFullName;
    private readonly Dictionary<string, string> _aliases;

    /// <summary>Creates a registry of <paramref name="contracts"/>; <paramref name="aliases"/> maps other names (such as the Stagehand server's own name for a resource) to contract names.</summary>
    /// <exception cref="ArgumentException">Two contracts have the same name, or an alias names no contract.</exception>
    public ContractRegistry(IEnumerable<ContractDescriptor> contracts, IReadOnlyDictionary<string, string>? aliases = null)
        : this(contracts, aliases, allowSharedNames: false)
    {
    }

    private ContractRegistry(IEnumerable<ContractDescriptor> contracts, IReadOnlyDictionary<string, string>? aliases, bool allowSharedNames)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        All = contracts.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Type.FullName, StringComparer.Ordinal).ToArray();
        _byName = new Dictionary<string, ContractDescriptor>(StringComparer.Ordinal);
        _byFullName = new Dictionary<string, ContractDescriptor>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contract in All)
        {
            _byFullName[contract.Type.FullName ?? contract.Name] = contract;
            if (!_byName.TryAdd(contract.Name, contract))
            {
                if (!allowSharedNames)
                {
                    throw new ArgumentException($"Two contracts are named '{contract.Name}'.", nameof(contracts));
                }

                shared.Add(contract.Name);
            }
        }

        foreach (var name in shared)
        {
            _byName.Remove(name);
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

    /// <summary>
    /// A registry of contracts generated from any set of schemas, where two namespaces may each have a contract of one
    /// name: those are found by their full C# names only.
    /// </summary>
    public static ContractRegistry ByUniqueNames(IEnumerable<ContractDescriptor> contracts) => new(contracts, aliases: null, allowSharedNames: true);

    /// <summary>Every contract, by name.</summary>
    public IReadOnlyList<ContractDescriptor> All { get; }

    /// <summary>Finds a contract by its name, its full C# name, or an alias (exact case).</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContractDescriptor? contract)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_aliases.TryGetValue(name, out var target))
        {
            name = target;
        }

        return _byName.TryGetValue(name, out contract) || _byFullName.TryGetValue(name, out contract);
    }

    /// <summary>
    /// The contract names closest to <paramref name="name"/>, closest first, for "did you mean" messages. Only the last
    /// segment of a dotted name is compared; a name that contains what was typed (ignoring case) ranks first,
    /// then the smallest edit distance relative to the longer name, then the name.
    /// </summary>
    public IReadOnlyList<string> Nearest(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = LastSegment(name).ToUpperInvariant();
        return All.Select(c => _byName.ContainsKey(c.Name) ? c.Name : c.Type.FullName ?? c.Name)
            .Concat(_aliases.Keys)
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (Candidate: candidate, Score: Similarity(wanted, LastSegment(candidate).ToUpperInvariant())))
            .OrderBy(pair => pair.Score)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.Candidate)
            .ToArray();
    }

    private static string LastSegment(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? name : name.Substring(dot + 1);
    }

    /// <summary>0 for the same name; below 1 when the candidate contains what was typed; else 1 plus the relative edit distance.</summary>
    private static double Similarity(string wanted, string candidate)
    {
        var relative = (double)Stagehand.Schema.EditDistance.Between(wanted, candidate) / Math.Max(1, Math.Max(wanted.Length, candidate.Length));
        var contains = wanted.Length > 0 && candidate.Contains(wanted, StringComparison.Ordinal);
        return contains ? relative : 1 + relative;
    }
}
