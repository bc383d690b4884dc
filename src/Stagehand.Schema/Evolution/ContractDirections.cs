using System;

namespace Stagehand.Schema.Evolution;

/// <summary>Which way a contract's values travel, which decides what a change breaks.</summary>
internal enum ContractDirection
{
    /// <summary>Written and read by both sides, or not known: a change must be compatible both ways.</summary>
    Both,

    /// <summary>A client writes it, a server reads it: the server must still accept what older clients send.</summary>
    Request,

    /// <summary>A server writes it (a response or a resource), a client reads it: older clients must still accept what it sends.</summary>
    Response,
}

/// <summary>Where a contract's direction comes from, and its names.</summary>
internal static class ContractDirections
{
    private static readonly string[] RequestSuffixes = ["Request", "Params", "Parameters", "Body", "Query", "Input", "Command"];

    private static readonly string[] ResponseSuffixes = ["Response", "Result", "Results", "Event", "Notification", "Output"];

    /// <summary>
    /// The direction a contract states or its name shows: <c>x-stagehand-direction</c>; a request written for a resource
    /// (<c>x-stagehand-requestFor</c>); a stored resource served back (<c>x-stagehand-persisted</c>); a name that ends
    /// like a request (<c>ActRequest</c>, <c>StagehandInitParams</c>) or a response (<c>ActResponse</c>,
    /// <c>ExtractResult</c>). Null when none says: the contract then takes the directions of the contracts that use it.
    /// </summary>
    public static ContractDirection? Declared(SchemaNode node, string name)
    {
        if (node.Direction is { } declared)
        {
            return Parse(declared);
        }

        if (node.RequestFor is not null)
        {
            return ContractDirection.Request;
        }

        if (node.Persisted)
        {
            return ContractDirection.Response;
        }

        foreach (var suffix in RequestSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return ContractDirection.Request;
            }
        }

        foreach (var suffix in ResponseSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return ContractDirection.Response;
            }
        }

        return null;
    }

    public static ContractDirection? Parse(string? text) => text switch
    {
        "request" => ContractDirection.Request,
        "response" => ContractDirection.Response,
        "both" => ContractDirection.Both,
        _ => null,
    };

    public static string Name(ContractDirection direction) => direction switch
    {
        ContractDirection.Request => "request",
        ContractDirection.Response => "response",
        _ => "both",
    };

    /// <summary>The direction of a contract used in both of two directions.</summary>
    public static ContractDirection Combine(ContractDirection? first, ContractDirection second) =>
        first is null || first == second ? second : ContractDirection.Both;
}
