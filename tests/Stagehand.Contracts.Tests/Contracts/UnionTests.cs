using System;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class UnionTests
{
    [Fact]
    public void Implicit_conversion_from_each_case_and_TryGet()
    {
        ServerCacheSetting enabled = false;
        ServerCacheSetting threshold = new ServerCacheThreshold { Threshold = 2 };

        Assert.True(enabled.TryGetEnabled(out bool flag));
        Assert.False(flag);
        Assert.False(enabled.TryGetThreshold(out ServerCacheThreshold? none));
        Assert.Null(none);

        Assert.True(threshold.TryGetThreshold(out ServerCacheThreshold? value));
        Assert.Equal(2, value.Threshold);
        Assert.False(threshold.TryGetEnabled(out _));
    }

    [Fact]
    public void Match_and_Switch_call_exactly_the_held_case()
    {
        ServerCacheDefaults boolean = true;
        ServerCacheDefaults perMethod = new ServerCachePerMethod { Act = false };

        Assert.Equal("enabled:True", boolean.Match(b => "enabled:" + b, p => "perMethod"));
        Assert.Equal("perMethod", perMethod.Match(b => "enabled", p => p.Act == false ? "perMethod" : "wrong payload"));
        Assert.Equal("Enabled: false", new ServerCachePerMethod { Act = false }.Act.ToString());

        int enabledCalls = 0, perMethodCalls = 0;
        boolean.Switch(_ => enabledCalls++, _ => perMethodCalls++);
        perMethod.Switch(_ => enabledCalls++, _ => perMethodCalls++);
        Assert.Equal(1, enabledCalls);
        Assert.Equal(1, perMethodCalls);
    }

    [Fact]
    public void Equality_is_by_case_and_value()
    {
        ServerCacheSetting t1 = true;
        ServerCacheSetting t2 = true;
        ServerCacheSetting f = false;
        ServerCacheSetting th3 = new ServerCacheThreshold { Threshold = 3 };
        ServerCacheSetting th3b = new ServerCacheThreshold { Threshold = 3 };
        ServerCacheSetting th4 = new ServerCacheThreshold { Threshold = 4 };

        Assert.True(t1 == t2);
        Assert.Equal(t1.GetHashCode(), t2.GetHashCode());
        Assert.True(t1 != f);
        Assert.Equal(th3, th3b);
        Assert.Equal(th3.GetHashCode(), th3b.GetHashCode());
        Assert.NotEqual(th3, th4);
        Assert.NotEqual(t1, th3);
        Assert.False(t1.Equals((object)"true"));
    }

    [Fact]
    public void Default_union_holds_no_case_and_Match_and_Switch_throw()
    {
        ServerCacheSetting setting = default;
        ModelSelection model = default;
        BrowserSessionCreateRequest create = default;

        Assert.False(setting.TryGetEnabled(out _));
        Assert.False(setting.TryGetThreshold(out _));
        Assert.Throws<InvalidOperationException>(() => setting.Match(_ => 1, _ => 2));
        Assert.Throws<InvalidOperationException>(() => setting.Switch(_ => { }, _ => { }));
        Assert.Throws<InvalidOperationException>(() => model.Match(_ => 1, _ => 2));
        Assert.Throws<InvalidOperationException>(() => create.Match(_ => 1, _ => 2));
        Assert.Equal(default(ServerCacheSetting), setting);
        Assert.NotEqual<ServerCacheSetting>(false, setting);
    }

    [Fact]
    public void Null_reference_case_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ServerCacheSetting.FromThreshold(null!));
        Assert.Throws<ArgumentNullException>(() => BrowserSessionCreateRequest.FromLocal(null!));
        Assert.Throws<ArgumentNullException>(() => ModelSelection.FromName(null!));
    }

    [Fact]
    public void BrowserSessionCreateRequest_has_Local_and_Browserbase_cases()
    {
        Guid llm = Guid.Parse("00000000-0000-4000-8000-000000000001");
        BrowserSessionCreateRequest local = new BrowserSessionLocalCreateRequest { CdpUrl = "ws://127.0.0.1:9222", LlmId = llm };
        BrowserSessionCreateRequest browserbase = new BrowserSessionBrowserbaseCreateRequest { LlmId = llm };

        Assert.True(local.TryGetLocal(out BrowserSessionLocalCreateRequest? l));
        Assert.Equal("LOCAL", l.Env);
        Assert.False(local.TryGetBrowserbase(out _));

        Assert.True(browserbase.TryGetBrowserbase(out BrowserSessionBrowserbaseCreateRequest? b));
        Assert.Equal("BROWSERBASE", b.Env);
        Assert.False(browserbase.TryGetLocal(out _));

        Assert.Equal("LOCAL", local.Match(x => x.Env, x => x.Env));
        Assert.Equal("BROWSERBASE", browserbase.Match(x => x.Env, x => x.Env));
        Assert.Equal(BrowserSessionEnv.Local.ToWireValue(), l.Env);
        Assert.Equal(BrowserSessionEnv.Browserbase.ToWireValue(), b.Env);

        Assert.NotEqual(local, browserbase);
        Assert.Equal(local, (BrowserSessionCreateRequest)new BrowserSessionLocalCreateRequest { CdpUrl = "ws://127.0.0.1:9222", LlmId = llm });
    }

    [Fact]
    public void ModelSelection_from_a_name()
    {
        ModelSelection selection = "openai/gpt-4.1-nano";

        Assert.True(selection.TryGetName(out string? name));
        Assert.Equal("openai/gpt-4.1-nano", name);
        Assert.False(selection.TryGetConfig(out _));
        Assert.Equal("name", selection.Match(_ => "config", _ => "name"));
        Assert.Equal(selection, (ModelSelection)"openai/gpt-4.1-nano");
    }

    [Fact]
    public void ModelSelection_from_a_GenericModelConfigObject()
    {
        var generic = new GenericModelConfigObject { ModelName = "openai/gpt-4.1", ApiKey = "sk-secret" };

        // No direct conversion: C# applies one user-defined conversion at a time, so the object goes through ModelConfig.
        ModelSelection selection = (ModelConfig)generic;
        ModelSelection viaFactory = ModelSelection.FromConfig(generic);

        Assert.Equal(selection, viaFactory);
        Assert.True(selection.TryGetConfig(out ModelConfig config));
        Assert.False(selection.TryGetName(out _));
        Assert.True(config.TryGetGeneric(out GenericModelConfigObject? back));
        Assert.Same(generic, back);
        Assert.False(config.TryGetVertex(out _));
        Assert.Equal("generic", config.Match(_ => "vertex", _ => "azureEntra", _ => "azureApiKey", _ => "generic"));
        Assert.NotEqual(selection, (ModelSelection)"openai/gpt-4.1");
    }
}
