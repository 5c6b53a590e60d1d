import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProjects } from './helpers';

const temp = tempProjects();

describe('image roots', () => {
  it('serves files under a registered folder and nothing outside it', () => {
    const { store, root, images } = temp.newProject();
    fs.writeFileSync(path.join(images, 'a.png'), 'a');
    fs.mkdirSync(path.join(root, 'images-old'));
    fs.writeFileSync(path.join(root, 'secret.txt'), 's');
    store.addImageRoot(images);

    expect(store.isInsideImageRoots(path.join(images, 'a.png'))).toBe(true);
    expect(store.isInsideImageRoots(path.join(images, 'sub', 'not-yet-there.png'))).toBe(true);
    expect(store.isInsideImageRoots(images)).toBe(true);
    expect(store.isInsideImageRoots(path.join(root, 'images-old', 'b.png'))).toBe(false);
    expect(store.isInsideImageRoots(path.join(images, '..', 'secret.txt'))).toBe(false);
    expect(store.isInsideImageRoots(`${images}/../../${path.basename(root)}/secret.txt`)).toBe(false);
    expect(store.isInsideImageRoots('/etc/passwd')).toBe(false);
  });

  it('follows links: a link inside the folder that points outside does not open a way out', () => {
    const { store, root, images } = temp.newProject();
    fs.writeFileSync(path.join(root, 'secret.txt'), 's');
    fs.symlinkSync(root, path.join(images, 'escape'));
    fs.mkdirSync(path.join(images, 'real'));
    fs.symlinkSync(path.join(images, 'real'), path.join(images, 'alias'));
    store.addImageRoot(images);
    expect(store.isInsideImageRoots(path.join(images, 'escape', 'secret.txt'))).toBe(false);
    expect(store.isInsideImageRoots(path.join(images, 'alias', 'x.png'))).toBe(true);
  });

  it('records each folder once, by its real path, and lists it in the project summary', () => {
    const { store, root, images } = temp.newProject();
    fs.symlinkSync(images, path.join(root, 'link-to-images'));
    const real = fs.realpathSync(images);
    expect(store.addImageRoot(images)).toBe(real);
    expect(store.addImageRoot(path.join(root, 'link-to-images'))).toBe(real);
    expect(store.addImageRoot(`${images}/./`)).toBe(real);
    expect(store.imageRoots()).toEqual([real]);
    expect(store.summary().imageRoots).toEqual([real]);
  });
});
