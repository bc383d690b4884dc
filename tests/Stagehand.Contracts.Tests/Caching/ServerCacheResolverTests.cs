using System;
using System.Collections.Generic;
using Stagehand.Contracts.Caching;
using Stagehand.Contracts.Http;
using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Tests.Caching;

/// <summary>
/// D4 resolution, highest first: the call's serverCache; the constructor's per-method entry; the constructor's
/// boolean; default enabled. Settings are written in a small notation so each row reads like the TypeScript option:
/// a call setting is <c>unset</c>, <c>true</c>, <c>false</c> or <c>{threshold:N}</c>; a constructor setting is one of
/// those (no threshold form) or a per-method object such as <c>{act:{threshold:3},extract:false}</c>.
/// </summary>
public sealed class ServerCacheResolverTests
{
    private const StagehandOperation Act = StagehandOperation.Act;
    private const StagehandOperation Extract = StagehandOperation.Extract;
    private const StagehandOperation Observe = StagehandOperation.Observe;

    [Theory]
    [InlineData(Act)]
    [InlineData(Extract)]
    [InlineData(Observe)]
    public void Nothing_set_is_enabled_without_threshold(StagehandOperation method) =>
        AssertResolves("unset", "unset", method, enabled: true, threshold: null);

    [Theory]
    [InlineData("true", Act, true)]
    [InlineData("true", Extract, true)]
    [InlineData("true", Observe, true)]
    [InlineData("false", Act, false)]
    [InlineData("false", Extract, false)]
    [InlineData("false", Observe, false)]
    public void Constructor_boolean_applies_to_every_method(string constructor, StagehandOperation method, bool enabled) =>
        AssertResolves("unset", constructor, method, enabled, threshold: null);

    [Theory]
    [InlineData("{act:true}", Act, true, null)]
    [InlineData("{act:false}", Act, false, null)]
    [InlineData("{act:{threshold:3}}", Act, true, 3)]
    [InlineData("{extract:true}", Extract, true, null)]
    [InlineData("{extract:false}", Extract, false, null)]
    [InlineData("{extract:{threshold:4}}", Extract, true, 4)]
    [InlineData("{observe:true}", Observe, true, null)]
    [InlineData("{observe:false}", Observe, false, null)]
    [InlineData("{observe:{threshold:5}}", Observe, true, 5)]
    [InlineData("{act:false,extract:{threshold:2},observe:true}", Act, false, null)]
    [InlineData("{act:false,extract:{threshold:2},observe:true}", Extract, true, 2)]
    [InlineData("{act:false,extract:{threshold:2},observe:true}", Observe, true, null)]
    public void Constructor_per_method_entry_applies_to_its_method(string constructor, StagehandOperation method, bool enabled, int? threshold) =>
        AssertResolves("unset", constructor, method, enabled, threshold);

    [Theory]
    [InlineData("{}", Act)]
    [InlineData("{}", Extract)]
    [InlineData("{}", Observe)]
    [InlineData("{extract:false,observe:false}", Act)]
    [InlineData("{act:false,observe:{threshold:9}}", Extract)]
    [InlineData("{act:false,extract:false}", Observe)]
    public void Constructor_per_method_object_without_that_method_is_enabled_by_default(string constructor, StagehandOperation method) =>
        AssertResolves("unset", constructor, method, enabled: true, threshold: null);

    [Theory]
    // call true
    [InlineData("true", "true", Act, true, null)]
    [InlineData("true", "false", Extract, true, null)]
    [InlineData("true", "{act:false}", Act, true, null)]
    [InlineData("true", "{observe:{threshold:3}}", Observe, true, null)]
    [InlineData("true", "{}", Extract, true, null)]
    [InlineData("true", "unset", Observe, true, null)]
    // call false
    [InlineData("false", "true", Act, false, null)]
    [InlineData("false", "false", Extract, false, null)]
    [InlineData("false", "{extract:true}", Extract, false, null)]
    [InlineData("false", "{observe:{threshold:3}}", Observe, false, null)]
    [InlineData("false", "{}", Act, false, null)]
    [InlineData("false", "unset", Act, false, null)]
    // call threshold
    [InlineData("{threshold:7}", "true", Act, true, 7)]
    [InlineData("{threshold:7}", "false", Extract, true, 7)]
    [InlineData("{threshold:7}", "{observe:false}", Observe, true, 7)]
    [InlineData("{threshold:7}", "{act:{threshold:3}}", Act, true, 7)]
    [InlineData("{threshold:7}", "{}", Extract, true, 7)]
    [InlineData("{threshold:1}", "unset", Observe, true, 1)]
    public void Call_setting_overrides_every_constructor_form(string call, string constructor, StagehandOperation method, bool enabled, int? threshold) =>
        AssertResolves(call, constructor, method, enabled, threshold);

    [Theory]
    [InlineData("{act:{threshold:3}}", Act)]
    [InlineData("{extract:{threshold:3}}", Extract)]
    [InlineData("{observe:{threshold:3}}", Observe)]
    public void Call_false_over_constructor_threshold_is_disabled_without_threshold_and_sends_bypass(string constructor, StagehandOperation method)
    {
        ResolvedServerCache resolved = ServerCacheResolver.Resolve(false, ParseDefaults(constructor), method);

        Assert.False(resolved.Enabled);
        Assert.Null(resolved.Threshold);
        Assert.Null(resolved.CacheThreshold);
        Assert.True(resolved.BypassCache);
        Assert.Equal("true", resolved.RequestHeaders["browserbase-cache-bypass"]);
        AssertResolves("false", constructor, method, enabled: false, threshold: null);
    }

    [Theory]
    [InlineData(Act)]
    [InlineData(Extract)]
    [InlineData(Observe)]
    public void Call_true_over_constructor_threshold_drops_the_threshold(StagehandOperation method)
    {
        // The winning setting applies whole: `true` means "enabled, server's own threshold".
        var constructor = new ServerCachePerMethod
        {
            Act = new ServerCacheThreshold { Threshold = 3 },
            Extract = new ServerCacheThreshold { Threshold = 3 },
            Observe = new ServerCacheThreshold { Threshold = 3 },
        };

        ResolvedServerCache resolved = ServerCacheResolver.Resolve(true, constructor, method);

        Assert.Equal(ResolvedServerCache.EnabledByDefault, resolved);
        Assert.Null(resolved.CacheThreshold);
    }

    /// <summary>
    /// The seed: <c>new Stagehand({ serverCache: { act: { threshold: 3 } } })</c>. Where a global
    /// <c>serverCache: false</c> would disable act, the per-method object enables it with threshold 3, and the
    /// methods it leaves out fall to the default (enabled), not to any boolean.
    /// </summary>
    [Fact]
    public void Per_method_object_wins_where_a_global_false_would_have_disabled()
    {
        ResolvedServerCache withGlobalFalse = ServerCacheResolver.Resolve(null, false, Act);
        ResolvedServerCache withPerMethod = ServerCacheResolver.Resolve(null, new ServerCachePerMethod { Act = new ServerCacheThreshold { Threshold = 3 } }, Act);

        Assert.False(withGlobalFalse.Enabled);
        Assert.True(withGlobalFalse.BypassCache);

        Assert.True(withPerMethod.Enabled);
        Assert.Equal(3, withPerMethod.Threshold);
        Assert.Equal(3, withPerMethod.CacheThreshold);
        Assert.False(withPerMethod.BypassCache);
        Assert.Empty(withPerMethod.RequestHeaders);

        AssertResolves("unset", "{act:{threshold:3}}", Act, enabled: true, threshold: 3);
        AssertResolves("unset", "{act:{threshold:3}}", Extract, enabled: true, threshold: null);
        AssertResolves("unset", "{act:{threshold:3}}", Observe, enabled: true, threshold: null);
    }

    /// <summary>The same intent one level down: a call's object form wins over a constructor's global <c>false</c>.</summary>
    [Theory]
    [InlineData(Act)]
    [InlineData(Extract)]
    [InlineData(Observe)]
    public void Call_threshold_wins_over_constructor_false(StagehandOperation method) =>
        AssertResolves("{threshold:3}", "false", method, enabled: true, threshold: 3);

    [Fact]
    public void Uninitialized_call_setting_throws_ArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => ServerCacheResolver.Resolve(default(ServerCacheSetting), null, Act));

        Assert.Equal("callSetting", error.ParamName);
        Assert.Contains("uninitialized ServerCacheSetting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uninitialized_call_setting_in_options_throws_ArgumentException()
    {
        var options = new ObserveOptions { ServerCache = default(ServerCacheSetting) };

        Assert.Throws<ArgumentException>(() => ServerCacheResolver.Resolve(options, null));
    }

    [Fact]
    public void Uninitialized_constructor_defaults_throw_ArgumentException_even_when_the_call_wins()
    {
        ArgumentException alone = Assert.Throws<ArgumentException>(() => ServerCacheResolver.Resolve(null, default(ServerCacheDefaults), Act));
        ArgumentException overridden = Assert.Throws<ArgumentException>(() => ServerCacheResolver.Resolve(true, default(ServerCacheDefaults), Act));

        Assert.Equal("constructorDefaults", alone.ParamName);
        Assert.Contains("uninitialized ServerCacheDefaults", alone.Message, StringComparison.Ordinal);
        Assert.Equal("constructorDefaults", overridden.ParamName);
    }

    [Theory]
    [InlineData(Act)]
    [InlineData(Extract)]
    [InlineData(Observe)]
    public void Uninitialized_per_method_entry_throws_ArgumentException_for_any_method(StagehandOperation method)
    {
        var defaults = new ServerCachePerMethod { Extract = default(ServerCacheSetting) };

        ArgumentException error = Assert.Throws<ArgumentException>(() => ServerCacheResolver.Resolve(null, defaults, method));

        Assert.Equal("constructorDefaults", error.ParamName);
        Assert.Contains("entry for extract", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Threshold_below_one_throws(int threshold)
    {
        ServerCacheSetting setting = new ServerCacheThreshold { Threshold = threshold };

        ArgumentOutOfRangeException call = Assert.Throws<ArgumentOutOfRangeException>(() => ServerCacheResolver.Resolve(setting, null, Act));
        ArgumentOutOfRangeException constructor = Assert.Throws<ArgumentOutOfRangeException>(
            () => ServerCacheResolver.Resolve(null, new ServerCachePerMethod { Observe = setting }, Act));

        Assert.Equal("callSetting", call.ParamName);
        Assert.Equal("constructorDefaults", constructor.ParamName);
    }

    [Fact]
    public void Undefined_method_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerCacheResolver.Resolve(null, null, (StagehandOperation)42));
    }

    [Fact]
    public void Options_overloads_read_serverCache_for_their_own_method()
    {
        var defaults = new ServerCachePerMethod { Act = false, Extract = new ServerCacheThreshold { Threshold = 2 }, Observe = false };

        Assert.Equal(ResolvedServerCache.Disabled, ServerCacheResolver.Resolve((ActOptions?)null, defaults));
        Assert.Equal(ResolvedServerCache.EnabledWithThreshold(2), ServerCacheResolver.Resolve(new ExtractOptions(), defaults));
        Assert.Equal(ResolvedServerCache.EnabledByDefault, ServerCacheResolver.Resolve(new ObserveOptions { ServerCache = true }, defaults));
    }

    private static void AssertResolves(string call, string constructor, StagehandOperation method, bool enabled, int? threshold)
    {
        ServerCacheSetting? callSetting = ParseSetting(call);
        ServerCacheDefaults? defaults = ParseDefaults(constructor);

        ResolvedServerCache resolved = ServerCacheResolver.Resolve(callSetting, defaults, method);

        Assert.Equal(enabled, resolved.Enabled);
        Assert.Equal(threshold, resolved.Threshold);
        Assert.Equal(enabled ? threshold : null, resolved.CacheThreshold);
        Assert.Equal(!enabled, resolved.BypassCache);

        // Headers: browserbase-cache-bypass: true exactly when disabled.
        if (enabled)
        {
            Assert.Empty(resolved.RequestHeaders);
        }
        else
        {
            KeyValuePair<string, string> header = Assert.Single(resolved.RequestHeaders);
            Assert.Equal(StagehandHeaders.CacheBypass, header.Key);
            Assert.Equal("browserbase-cache-bypass", header.Key);
            Assert.Equal("true", header.Value);
        }

        // Wire body: the options overload for the method, applied to that method's request (a stale value is replaced).
        int? wireThreshold = method switch
        {
            StagehandOperation.Act => ApplyAct(callSetting, defaults),
            StagehandOperation.Extract => ApplyExtract(callSetting, defaults),
            _ => ApplyObserve(callSetting, defaults),
        };
        Assert.Equal(enabled ? threshold : null, wireThreshold);
    }

    private static int? ApplyAct(ServerCacheSetting? call, ServerCacheDefaults? defaults)
    {
        var request = new ActRequest { Input = "click the login button", Options = new ActOptions { ServerCache = call }, CacheThreshold = 99 };
        ActRequest sent = ServerCacheResolver.Resolve(request.Options, defaults).ApplyTo(request);
        Assert.Equal(request.Input, sent.Input);
        Assert.Equal(request.Options, sent.Options);
        return sent.CacheThreshold;
    }

    private static int? ApplyExtract(ServerCacheSetting? call, ServerCacheDefaults? defaults)
    {
        var request = new ExtractRequest { Instruction = "the price", Options = new ExtractOptions { ServerCache = call }, CacheThreshold = 99 };
        ExtractRequest sent = ServerCacheResolver.Resolve(request.Options, defaults).ApplyTo(request);
        Assert.Equal(request.Instruction, sent.Instruction);
        return sent.CacheThreshold;
    }

    private static int? ApplyObserve(ServerCacheSetting? call, ServerCacheDefaults? defaults)
    {
        var request = new ObserveRequest { Instruction = "buttons", Options = new ObserveOptions { ServerCache = call }, CacheThreshold = 99 };
        ObserveRequest sent = ServerCacheResolver.Resolve(request.Options, defaults).ApplyTo(request);
        Assert.Equal(request.Instruction, sent.Instruction);
        return sent.CacheThreshold;
    }

    private static ServerCacheSetting? ParseSetting(string text) => text switch
    {
        "unset" => null,
        "true" => true,
        "false" => false,
        _ when text.StartsWith("{threshold:", StringComparison.Ordinal) && text.EndsWith('}') =>
            new ServerCacheThreshold { Threshold = int.Parse(text["{threshold:".Length..^1], System.Globalization.CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException("Unknown call setting notation: " + text, nameof(text)),
    };

    private static ServerCacheDefaults? ParseDefaults(string text)
    {
        switch (text)
        {
            case "unset": return null;
            case "true": return true;
            case "false": return false;
        }

        if (!text.StartsWith('{') || !text.EndsWith('}'))
        {
            throw new ArgumentException("Unknown constructor setting notation: " + text, nameof(text));
        }

        ServerCacheSetting? act = null, extract = null, observe = null;
        string body = text[1..^1];
        int i = 0;
        while (i < body.Length)
        {
            int colon = body.IndexOf(':', i);
            string key = body[i..colon];
            int end = body[colon + 1] == '{' ? body.IndexOf('}', colon) + 1 : NextComma(body, colon);
            ServerCacheSetting? value = ParseSetting(body[(colon + 1)..end]);
            switch (key)
            {
                case "act": act = value; break;
                case "extract": extract = value; break;
                case "observe": observe = value; break;
                default: throw new ArgumentException("Unknown method in notation: " + key, nameof(text));
            }

            i = end + 1;
        }

        return new ServerCachePerMethod { Act = act, Extract = extract, Observe = observe };
    }

    private static int NextComma(string body, int from)
    {
        int comma = body.IndexOf(',', from);
        return comma < 0 ? body.Length : comma;
    }
}
