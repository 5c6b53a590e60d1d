import { create } from 'zustand';
import type { ConnectionState } from '../transport/types';

export const useConnection = create<{ state: ConnectionState; transport: 'electron' | 'http' }>(() => ({
  state: 'connecting',
  transport: 'http',
}));
