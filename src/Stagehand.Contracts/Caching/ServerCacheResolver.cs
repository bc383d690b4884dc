using System;
using System.Globalization;
using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Caching;

/// <summary>
/// Resolves the server cache setting of one act, extract or observe call. Highest first: the call's own
/// <c>serverCache</c>; the constructor's entry for that method, when its <c>serverCache</c> is the per-method
/// object and the entry is set; the constructor's boolean, when its <c>serverCache</c> is a boolean; otherwise
/// enabled. The object form <c>{ threshold }</c> means enabled with that threshold.
/// </summary>
/// <remarks>
/// The winning setting applies as a whole: a call's <c>true</c> means enabled with the server's own threshold,
/// even when the constructor set a threshold for that method; a call's <c>false</c> disables caching whatever the
/// constructor says. When the constructor's <c>serverCache</c> is the per-method object, a method it leaves out
/// is enabled (the default), not governed by the other methods' entries.
/// </remarks>
public static class ServerCacheResolver
{
    /// <summary>Resolves the setting of one call.</summary>
    /// <param name="callSetting">The call's own <c>serverCache</c>, or <see langword="null"/> when the call sets none.</param>
    /// <param name="constructorDefaults">The constructor's <c>serverCache</c>, or <see langword="null"/> when it sets none.</param>
    /// <param name="method">The method being called.</param>
    /// <returns>The setting that applies to the call.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="callSetting"/>, <paramref name="constructorDefaults"/> or one of the constructor's per-method
    /// entries is an uninitialized (<c>default</c>) union value that holds no case. Every input is checked, not only
    /// the winning one.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A setting has a threshold less than 1, or <paramref name="method"/> is not a defined value.
    /// </exception>
    public static ResolvedServerCache Resolve(ServerCacheSetting? callSetting, ServerCacheDefaults? constructorDefaults, StagehandOperation method)
    {
        string methodName = MethodName(method);

        // Every input is checked, even one that loses, so that a malformed constructor setting surfaces on the first call.
        ResolvedServerCache fromConstructor = FromDefaults(constructorDefaults, method, methodName);

        return callSetting is ServerCacheSetting call
            ? FromSetting(call, nameof(callSetting), "The call's serverCache")
            : fromConstructor;
    }

    /// <summary>Resolves the setting of an <c>act</c> call from its options.</summary>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <param name="constructorDefaults">The constructor's <c>serverCache</c>, or <see langword="null"/> when it sets none.</param>
    /// <returns>The setting that applies to the call.</returns>
    /// <exception cref="ArgumentException">A setting is an uninitialized (<c>default</c>) union value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting has a threshold less than 1.</exception>
    public static ResolvedServerCache Resolve(ActOptions? options, ServerCacheDefaults? constructorDefaults) =>
        Resolve(options?.ServerCache, constructorDefaults, StagehandOperation.Act);

    /// <summary>Resolves the setting of an <c>extract</c> call from its options.</summary>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <param name="constructorDefaults">The constructor's <c>serverCache</c>, or <see langword="null"/> when it sets none.</param>
    /// <returns>The setting that applies to the call.</returns>
    /// <exception cref="ArgumentException">A setting is an uninitialized (<c>default</c>) union value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting has a threshold less than 1.</exception>
    public static ResolvedServerCache Resolve(ExtractOptions? options, ServerCacheDefaults? constructorDefaults) =>
        Resolve(options?.ServerCache, constructorDefaults, StagehandOperation.Extract);

    /// <summary>Resolves the setting of an <c>observe</c> call from its options.</summary>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <param name="constructorDefaults">The constructor's <c>serverCache</c>, or <see langword="null"/> when it sets none.</param>
    /// <returns>The setting that applies to the call.</returns>
    /// <exception cref="ArgumentException">A setting is an uninitialized (<c>default</c>) union value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting has a threshold less than 1.</exception>
    public static ResolvedServerCache Resolve(ObserveOptions? options, ServerCacheDefaults? constructorDefaults) =>
        Resolve(options?.ServerCache, constructorDefaults, StagehandOperation.Observe);

    private static ResolvedServerCache FromDefaults(ServerCacheDefaults? constructorDefaults, StagehandOperation method, string methodName)
    {
        const string ParameterName = "constructorDefaults";

        if (constructorDefaults is not ServerCacheDefaults defaults)
        {
            return ResolvedServerCache.EnabledByDefault;
        }

        if (defaults.TryGetEnabled(out bool enabled))
        {
            return enabled ? ResolvedServerCache.EnabledByDefault : ResolvedServerCache.Disabled;
        }

        if (defaults.TryGetPerMethod(out ServerCachePerMethod? perMethod))
        {
            ResolvedServerCache? act = FromEntry(perMethod.Act, ParameterName, "act");
            ResolvedServerCache? extract = FromEntry(perMethod.Extract, ParameterName, "extract");
            ResolvedServerCache? observe = FromEntry(perMethod.Observe, ParameterName, "observe");

            ResolvedServerCache? entry = method switch
            {
                StagehandOperation.Act => act,
                StagehandOperation.Extract => extract,
                _ => observe,
            };

            // A method that the per-method object leaves out is enabled: the object replaces the boolean form.
            return entry ?? ResolvedServerCache.EnabledByDefault;
        }

        throw new ArgumentException(
            "The constructor's serverCache is an uninitialized ServerCacheDefaults that holds neither a boolean nor a per-method object; "
            + "pass null to leave it unset, or create it from a bool or a ServerCachePerMethod. (Resolving " + methodName + ".)",
            ParameterName);
    }

    private static ResolvedServerCache? FromEntry(ServerCacheSetting? entry, string parameterName, string methodName) =>
        entry is ServerCacheSetting setting
            ? FromSetting(setting, parameterName, "The constructor's serverCache entry for " + methodName)
            : null;

    private static ResolvedServerCache FromSetting(ServerCacheSetting setting, string parameterName, string what)
    {
        if (setting.TryGetEnabled(out bool enabled))
        {
            return enabled ? ResolvedServerCache.EnabledByDefault : ResolvedServerCache.Disabled;
        }

        if (setting.TryGetThreshold(out ServerCacheThreshold? threshold))
        {
            if (threshold.Threshold < 1)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName,
                    threshold.Threshold,
                    what + " has threshold " + threshold.Threshold.ToString(CultureInfo.InvariantCulture) + "; a server cache threshold must be at least 1.");
            }

            return ResolvedServerCache.EnabledWithThreshold(threshold.Threshold);
        }

        throw new ArgumentException(
            what + " is an uninitialized ServerCacheSetting that holds neither a boolean nor a threshold; "
            + "leave it null to inherit, or create it from a bool or a ServerCacheThreshold.",
            parameterName);
    }

    private static string MethodName(StagehandOperation method) => method switch
    {
        StagehandOperation.Act => "act",
        StagehandOperation.Extract => "extract",
        StagehandOperation.Observe => "observe",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a StagehandOperation value."),
    };
}
