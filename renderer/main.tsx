import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ServicesContext, createServices } from './data/services';
import { errorMessage } from './data/use-run-op';
import './styles/app.css';

const root = createRoot(document.getElementById('root')!);

createServices().then(
  (services) =>
    root.render(
      <StrictMode>
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>
      </StrictMode>,
    ),
  (e: unknown) =>
    root.render(
      <main className="page narrow">
        <h1>Warroom cannot open its local database</h1>
        <p role="alert">{errorMessage(e)}</p>
        <p>Your incidents are still on this device. Close other Warroom windows and reload.</p>
      </main>,
    ),
);
