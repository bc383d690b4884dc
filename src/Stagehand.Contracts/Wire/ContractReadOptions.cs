using System;

namespace Stagehand.Contracts;

/// <summary>Limits and policy for reading and validating contract JSON.</summary>
public sealed record ContractReadOptions
{
    /// <summary>The defaults: the schema's own strictness, depth 64, 100 errors, strings up to 1 MiB.</summary>
    public static ContractReadOptions Default { get; } = new();

    /// <summary>What to do with undeclared members.</summary>
    public ReadPolicy Policy { get; init; } = ReadPolicy.AsDeclared;

    /// <summary>
    /// How deeply objects and arrays may nest; deeper input is a validation error, not a stack overflow. A document that
    /// nests deeper than the reading thread's stack allows, within this limit, is a <c>maxDepth</c> error too.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is > 0 and <= 4096 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The depth limit must be between 1 and 4096.");
    }

    /// <summary>How many errors are collected before validation stops; the result then says it was cut short.</summary>
    public int MaxErrors
    {
        get => _maxErrors;
        init => _maxErrors = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxErrors), value, "At least one error must be collected.");
    }

    /// <summary>The longest string value or member name accepted, in UTF-8 bytes after unescaping.</summary>
    public int MaxStringLength
    {
        get => _maxStringLength;
        init => _maxStringLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxStringLength), value, "The string limit must be positive.");
    }

    private readonly int _maxDepth = 64;
    private readonly int _maxErrors = 100;
    private readonly int _maxStringLength = 1 << 20;
}
