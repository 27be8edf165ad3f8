import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@syndikit/cli';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit, workspace } from './helpers.js';

/** A Hugo site whose content is the nine Markdown fixture articles and their images. */
async function hugoSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-init-'));
  await mkdir(join(dir, 'content'));
  await cp(join(fixtures, 'articles', 'images'), join(dir, 'content', 'images'), { recursive: true });
  for (const name of ['2024-03-12-harbor-bridge-vote.md', '2024-06-18-heatwave-checklist.md']) {
    await cp(join(fixtures, 'articles', name), join(dir, 'content', name));
  }
  await writeFile(join(dir, 'hugo.toml'), 'baseURL = "https://news.example/"\ntitle = "The Harbor Times"\n');
  return dir;
}

describe('syndikit init', () => {
  it("writes a commented config from a Hugo site's own config, and the site builds with it", async () => {
    const dir = await hugoSite();
    const result = await syndikit(['init', '--yes'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('syndikit: wrote syndikit.config.yaml for a hugo site\n');
    const text = await readFile(join(dir, 'syndikit.config.yaml'), 'utf8');
    expect(text).toContain('# syndikit config, written by `syndikit init` for a hugo site.');
    expect(text).toContain('  title: The Harbor Times\n');
    expect(text).toMatch(/\n {2}url: https:\/\/news\.example\/ +# article URLs are made under it\n/);
    expect(text).toMatch(/\ninputs: +# 2 articles found\n {2}- content\n/);
    expect(text).toMatch(/\nout: static\/syndication +# Hugo copies static\/ into the site/);
    expect(text).toContain('formats:\n  - images\n  - markdown\n  - ninjs\n  - newsml-g2\n  - rss\n  - atom\n  - jsonfeed\n  - amp\n');

    const config = await loadConfig(join(dir, 'syndikit.config.yaml'));
    expect(config.site).toMatchObject({ title: 'The Harbor Times', url: 'https://news.example/' });
    expect(config.inputs).toEqual([join(dir, 'content')]);
    expect(config.out).toBe(join(dir, 'static', 'syndication'));

    const build = await syndikit(['build', '--threads', '0'], dir);
    expect(build.stderr).toContain('syndikit: built 2 of 2 articles into static/syndication');
    expect(build.code).toBe(0);
    await readFile(join(dir, 'static', 'syndication', 'amp', '2024-03-12-harbor-bridge-vote.html'));
  });

  it('never overwrites a config (exit 2), whatever its extension', async () => {
    const dir = await hugoSite();
    await writeFile(join(dir, 'syndikit.config.json'), '{"formats":["markdown"]}\n');
    const result = await syndikit(['init', '--yes'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'syndikit: syndikit.config.json already exists; syndikit init never overwrites a config (edit it, or remove it to start again)\n',
    );
    expect(await readFile(join(dir, 'syndikit.config.json'), 'utf8')).toBe('{"formats":["markdown"]}\n');

    const again = await hugoSite();
    expect((await syndikit(['init'], again)).code).toBe(0);
    const first = await readFile(join(again, 'syndikit.config.yaml'), 'utf8');
    expect((await syndikit(['init', '--yes', '--title', 'Other'], again)).code).toBe(2);
    expect(await readFile(join(again, 'syndikit.config.yaml'), 'utf8')).toBe(first);
  });

  it('in a folder of articles without a URL, leaves the formats that need one commented out with the reason', async () => {
    const dir = await workspace();
    const result = await syndikit(['init'], dir);
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'syndikit.config.yaml'), 'utf8');
    expect(text).toContain('for a folder of articles.');
    expect(text).toContain('  # title: My Site');
    expect(text).toContain('  # url: https://example.com        # needed by rss, atom, jsonfeed and amp\n');
    expect(text).toMatch(/\ninputs: +# 9 articles found\n {2}- articles\nout: out /);
    expect(text).toContain('  # - rss         # needs site.url\n');
    expect(text).toContain('  # - amp         # needs site.url\n');
    const config = await loadConfig(join(dir, 'syndikit.config.yaml'));
    expect(config.formats).toEqual(['images', 'markdown', 'ninjs', 'newsml-g2']);
  });

  it('takes --title and --site-url over what it found, and checks the URL', async () => {
    const dir = await workspace();
    const bad = await syndikit(['init', '--site-url', 'news.example'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('syndikit: Expected an absolute http(s) URL for --site-url but received "news.example"\n');
    const result = await syndikit(['init', '--title', 'Gazette: Weekend', '--site-url', 'https://weekend.example'], dir);
    expect(result.code).toBe(0);
    const config = await loadConfig(join(dir, 'syndikit.config.yaml'));
    expect(config.site).toMatchObject({ title: 'Gazette: Weekend', url: 'https://weekend.example' });
    expect(config.formats).toContain('amp');
  });

  it("puts a Jekyll site's output in _site/syndication and says when to build", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-init-'));
    await mkdir(join(dir, '_posts'));
    await cp(join(fixtures, 'articles', '2024-06-18-heatwave-checklist.md'), join(dir, '_posts', '2024-06-18-heatwave-checklist.md'));
    await writeFile(join(dir, '_config.yml'), 'title: Heat Desk\nurl: https://heat.example\n');
    expect((await syndikit(['init', '-y'], dir)).code).toBe(0);
    const text = await readFile(join(dir, 'syndikit.config.yaml'), 'utf8');
    expect(text).toContain('  title: Heat Desk\n');
    expect(text).toMatch(/\nout: _site\/syndication +# Jekyll's output folder, which jekyll build empties: run syndikit build after it/);
    expect(text).toContain('  - _posts\n');
  });

  it('says so when there is nothing to syndicate (exit 2) and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-init-'));
    const result = await syndikit(['init'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "syndikit: No articles found in .: run syndikit init in the folder that holds them, or in the site's root\n",
    );
    await expect(readFile(join(dir, 'syndikit.config.yaml'))).rejects.toThrow(/ENOENT/);
  });
});
