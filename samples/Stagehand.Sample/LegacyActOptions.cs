using Stagehand.Contracts;
using Stagehand.Contracts.V3;

namespace Stagehand.Sample;

/// <summary>
/// A hand-written copy of the act options, as code that predates the threshold might still have it. It claims to
/// mirror the contract, so the analyzers report the drift: <c>ServerCache</c> is <c>bool?</c> where the contract says
/// <c>ServerCacheSetting?</c> (STH0003; the code fix changes the type).
/// </summary>
[MirrorsContract(typeof(ActOptions))]
public sealed class LegacyActOptions
{
    public ModelSelection? Model { get; init; }

    public ValueMap<VariableValue>? Variables { get; init; }

    public double? Timeout { get; init; }

    public bool? ServerCache { get; init; }
}
