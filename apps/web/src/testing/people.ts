import type { Profile } from '../api/types';
import { me } from './render';

/** The signed-in test person's profile as the api returns it: nothing filled in, unless `change` says otherwise. */
export function profileFixture(change: Partial<Profile> = {}): Profile {
  return {
    id: me.id,
    handle: me.handle,
    displayName: me.displayName,
    title: '',
    department: '',
    location: '',
    bio: '',
    bioHtml: '',
    skills: [],
    followers: 0,
    following: 0,
    followedByMe: false,
    manager: null,
    reportsCount: 0,
    ...change,
  };
}
