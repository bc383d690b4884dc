using System.Diagnostics.CodeAnalysis;
using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Http;

/// <summary>The HTTP header names and values of the Stagehand wire contract, in one place.</summary>
public static class StagehandHeaders
{
    /// <summary>
    /// Request header that asks the server not to serve or store a cached result. Sent, with
    /// <see cref="CacheBypassValue"/>, exactly when the resolved server cache setting is disabled.
    /// </summary>
    public const string CacheBypass = "browserbase-cache-bypass";

    /// <summary>The value sent in <see cref="CacheBypass"/>.</summary>
    public const string CacheBypassValue = "true";

    /// <summary>Response header that tells whether the server served a cached result: <c>HIT</c> or <c>MISS</c>.</summary>
    public const string CacheStatus = "browserbase-cache-status";

    /// <summary>Parses the value of the <see cref="CacheStatus"/> response header.</summary>
    /// <param name="headerValue">The header value, or <see langword="null"/> when the header is missing.</param>
    /// <param name="status">The parsed status when the method returns <see langword="true"/>; otherwise the default value.</param>
    /// <returns>
    /// <see langword="true"/> when <paramref name="headerValue"/> is exactly <c>HIT</c> or <c>MISS</c>; any other value
    /// (another case, surrounding spaces, empty, missing) gives <see langword="false"/>.
    /// </returns>
    public static bool TryParseCacheStatus([NotNullWhen(true)] string? headerValue, out V3.CacheStatus status) =>
        CacheStatusWireValues.TryParse(headerValue, out status);
}
