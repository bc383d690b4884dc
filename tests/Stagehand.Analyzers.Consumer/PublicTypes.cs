using Stagehand.Contracts;
using Stagehand.Contracts.V3;

namespace Consumer;

/// <summary>STH0003 (seed 001): the public-types test that declared <c>serverCache?: boolean</c>.</summary>
[MirrorsContract(typeof(ActOptions))]
public sealed record ExpectedActOptions
{
    /// <summary>Model.</summary>
    public ModelSelection? Model { get; init; }

    /// <summary>Variables.</summary>
    public ValueMap<VariableValue>? Variables { get; init; }

    /// <summary>Timeout.</summary>
    public double? Timeout { get; init; }

    /// <summary>Deliberate STH0003: the contract says ServerCacheSetting.</summary>
    public bool? ServerCache { get; init; }
}
