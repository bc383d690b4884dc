using System;

namespace Stagehand.Schema.Evolution;

/// <summary>
/// One thing a contract says about its values, and one line of a baseline: the contract (its file, and the definition in
/// it), the place in the value (<see cref="ContractPaths"/>), the aspect (<c>type</c>, <c>required</c>, <c>maxLength</c>,
/// ...) and the aspect's value as canonical JSON. Two facts are the same when those four are; where the fact was read
/// (<see cref="Location"/>) is kept for diagnostics and takes no part.
/// </summary>
internal sealed class ContractFact : IEquatable<ContractFact>
{
    public ContractFact(string contract, string path, string aspect, string value, LocationInfo? location = null)
    {
        Contract = contract;
        Path = path;
        Aspect = aspect;
        Value = value;
        Location = location;
    }

    /// <summary>The contract: a schema file's path relative to the set's folder, plus <c>#/$defs/Name</c> for a definition.</summary>
    public string Contract { get; }

    public string Path { get; }

    public string Aspect { get; }

    public string Value { get; }

    /// <summary>The schema token the fact was read from, when it was read from a schema (not from a baseline).</summary>
    public LocationInfo? Location { get; }

    /// <summary>The fact as a baseline line: its four parts, tab-separated.</summary>
    public string Line => Contract + "\t" + Path + "\t" + Aspect + "\t" + Value;

    public bool Equals(ContractFact? other) =>
        other is not null && Contract == other.Contract && Path == other.Path && Aspect == other.Aspect && Value == other.Value;

    public override bool Equals(object? obj) => Equals(obj as ContractFact);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Contract);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Path);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Aspect);
            return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Value);
        }
    }

    public override string ToString() => Line;
}
