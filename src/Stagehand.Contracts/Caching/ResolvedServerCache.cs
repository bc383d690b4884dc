using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Stagehand.Contracts.Http;
using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Caching;

/// <summary>
/// The server cache setting that applies to one act, extract or observe call, after
/// <see cref="ServerCacheResolver"/> has weighed the call's own setting against the constructor's defaults.
/// </summary>
/// <remarks>
/// A threshold exists only when caching is enabled. <c>default(ResolvedServerCache)</c> is
/// <see cref="EnabledByDefault"/>: enabled, with the server's own threshold.
/// </remarks>
public readonly record struct ResolvedServerCache
{
    private static readonly ValueMap<string> BypassHeaders =
        ValueMap.Create(new KeyValuePair<string, string>(StagehandHeaders.CacheBypass, StagehandHeaders.CacheBypassValue));

    // Stored inverted so that default(ResolvedServerCache) is the contract's default: enabled.
    private readonly bool _disabled;
    private readonly int _threshold;

    private ResolvedServerCache(bool disabled, int threshold)
    {
        _disabled = disabled;
        _threshold = threshold;
    }

    /// <summary>Gets the setting used when nothing is configured: enabled, with the server's own threshold.</summary>
    public static ResolvedServerCache EnabledByDefault => default;

    /// <summary>Gets the disabled setting: the server neither serves nor stores a cached result.</summary>
    public static ResolvedServerCache Disabled => new(disabled: true, threshold: 0);

    /// <summary>Gets a value telling whether the server cache is used for the call.</summary>
    public bool Enabled => !_disabled;

    /// <summary>
    /// Gets the minimum number of cache hits an entry needs before the server serves it, or
    /// <see langword="null"/> to leave it to the server. Always <see langword="null"/> when caching is disabled.
    /// </summary>
    public int? Threshold => _threshold > 0 ? _threshold : null;

    /// <summary>
    /// Gets the value to send as <c>cacheThreshold</c> on <see cref="ActRequest"/>, <see cref="ExtractRequest"/> or
    /// <see cref="ObserveRequest"/>: the threshold when caching is enabled with one, otherwise <see langword="null"/>
    /// (the member is omitted).
    /// </summary>
    public int? CacheThreshold => Enabled ? Threshold : null;

    /// <summary>Gets a value telling whether the request must carry the <see cref="StagehandHeaders.CacheBypass"/> header.</summary>
    public bool BypassCache => _disabled;

    /// <summary>
    /// Gets the request headers that carry this setting: <c>browserbase-cache-bypass: true</c> when caching is
    /// disabled, otherwise none.
    /// </summary>
    public ValueMap<string> RequestHeaders => _disabled ? BypassHeaders : ValueMap<string>.Empty;

    /// <summary>Creates an enabled setting with a custom threshold.</summary>
    /// <param name="threshold">The minimum number of cache hits; at least 1.</param>
    /// <returns>The enabled setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is less than 1.</exception>
    public static ResolvedServerCache EnabledWithThreshold(int threshold)
    {
        if (threshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A server cache threshold must be at least 1.");
        }

        return new ResolvedServerCache(disabled: false, threshold);
    }

    /// <summary>Returns a copy of <paramref name="request"/> whose <c>cacheThreshold</c> is <see cref="CacheThreshold"/>.</summary>
    /// <param name="request">The request to send.</param>
    /// <returns>The request to send, with this setting's <c>cacheThreshold</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ActRequest ApplyTo(ActRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with { CacheThreshold = CacheThreshold };
    }

    /// <summary>Returns a copy of <paramref name="request"/> whose <c>cacheThreshold</c> is <see cref="CacheThreshold"/>.</summary>
    /// <param name="request">The request to send.</param>
    /// <returns>The request to send, with this setting's <c>cacheThreshold</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ExtractRequest ApplyTo(ExtractRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with { CacheThreshold = CacheThreshold };
    }

    /// <summary>Returns a copy of <paramref name="request"/> whose <c>cacheThreshold</c> is <see cref="CacheThreshold"/>.</summary>
    /// <param name="request">The request to send.</param>
    /// <returns>The request to send, with this setting's <c>cacheThreshold</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ObserveRequest ApplyTo(ObserveRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with { CacheThreshold = CacheThreshold };
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Enabled = ").Append(Enabled ? "true" : "false");
        builder.Append(", Threshold = ").Append(Threshold is int threshold ? threshold.ToString(CultureInfo.InvariantCulture) : "null");
        return true;
    }
}
