import { printTable } from './results';

export default function globalTeardown(): void {
  printTable();
}
